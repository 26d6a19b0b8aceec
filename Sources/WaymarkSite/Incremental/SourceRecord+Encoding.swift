import WaymarkCore

/// Front matter records in `CacheWriter`'s form. Doubles are written as their bit patterns, so a
/// coordinate comes back exactly as parsed.
extension SourceRecord {
    func encode(into writer: inout CacheWriter) {
        writer.unique(frontMatter)
        writer.int(frontMatterLine)
        writer.int(bodyLine)
        writer.optionalString(body)
        writer.bool(stamp != nil)
        if let stamp { writer.stamp(stamp) }
        writer.int(diagnostics.count)
        for diagnostic in diagnostics {
            writer.bool(diagnostic.severity == .error)
            writer.string(diagnostic.message)
            writer.string(diagnostic.location.path)
            writer.int(diagnostic.location.line)
            writer.int(diagnostic.location.column)
        }
        switch item {
        case let .stop(stop):
            writer.int(0)
            for text in [stop.slug, stop.source, stop.title, stop.token.rawValue, stop.tokenLocation.path] { writer.string(text) }
            for number in [stop.order, stop.tokenLocation.line, stop.tokenLocation.column] { writer.int(number) }
            writer.uint(stop.latitude.bitPattern)
            writer.uint(stop.longitude.bitPattern)
            writer.optionalString(stop.summary)
            writer.optionalString(stop.prompt)
        case let .trail(trail):
            writer.int(1)
            for text in [trail.slug, trail.source, trail.title, trail.summary] { writer.string(text) }
            writer.optionalString(trail.region)
            writer.bool(trail.distanceKm != nil)
            writer.uint(trail.distanceKm?.bitPattern ?? 0)
            writer.optionalString(trail.difficulty?.rawValue)
            writer.bool(trail.durationMinutes != nil)
            writer.int(trail.durationMinutes ?? 0)
        case let .ledger(ledger):
            writer.int(2)
            writer.int(ledger.records.count)
            for (token, record) in ledger.records {
                for text in [token.rawValue, record.kind.rawValue, record.status.rawValue, record.source, record.title] { writer.string(text) }
                writer.bool(record.location != nil)
                if let location = record.location {
                    writer.string(location.path)
                    writer.int(location.line)
                    writer.int(location.column)
                }
            }
        }
    }

    init(from reader: inout CacheReader) throws {
        frontMatter = try reader.unique()
        frontMatterLine = try reader.int()
        bodyLine = try reader.int()
        body = try reader.optionalString()
        stamp = try reader.bool() ? try reader.stamp() : nil
        diagnostics = try (0..<(try reader.count())).map { _ in
            let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
            let message = try reader.string()
            return Diagnostic(severity, message, at: SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int()))
        }
        switch try reader.int() {
        case 0:
            let (slug, source, title, token, tokenPath) = (try reader.string(), try reader.string(), try reader.string(), try reader.string(), try reader.string())
            let (order, line, column) = (try reader.int(), try reader.int(), try reader.int())
            guard let token = Token(token) else { throw CacheReader.Malformed() }
            item = .stop(Stop(
                slug: slug, source: source, order: order, title: title, token: token,
                tokenLocation: SourceLocation(path: tokenPath, line: line, column: column),
                latitude: Double(bitPattern: try reader.uint()), longitude: Double(bitPattern: try reader.uint()),
                summary: try reader.optionalString(), prompt: try reader.optionalString(), body: "", bodyLine: 0
            ))
        case 1:
            let (slug, source, title, summary) = (try reader.string(), try reader.string(), try reader.string(), try reader.string())
            let region = try reader.optionalString()
            let hasDistance = try reader.bool()
            let distance = Double(bitPattern: try reader.uint())
            let difficulty = try reader.optionalString()
            let hasDuration = try reader.bool()
            let duration = try reader.int()
            item = .trail(Trail(
                slug: slug, source: source, title: title, summary: summary, region: region,
                distanceKm: hasDistance ? distance : nil, difficulty: difficulty.flatMap(Trail.Difficulty.init(rawValue:)),
                durationMinutes: hasDuration ? duration : nil, body: "", bodyLine: 0, stops: []
            ))
        case 2:
            var ledger = TokenLedger()
            for _ in 0..<(try reader.count()) {
                let (token, kind, status, source, title) = (try reader.string(), try reader.string(), try reader.string(), try reader.string(), try reader.string())
                let location = try reader.bool() ? SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int()) : nil
                guard let token = Token(token), let kind = TokenKind(rawValue: kind), let status = Manifest.Status(rawValue: status) else { throw CacheReader.Malformed() }
                ledger.records[token] = TokenLedger.Record(kind: kind, status: status, source: source, title: title, location: location)
            }
            item = .ledger(ledger)
        default:
            throw CacheReader.Malformed()
        }
    }
}

extension CacheWriter {
    mutating func optionalString(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }
}

extension CacheReader {
    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }
}
