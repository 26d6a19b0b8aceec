import WaymarkCore

extension ContentLoader {
    /// The site's ledger; an absent file is an empty ledger (the first build writes it).
    func loadLedger(site: String, sink: DiagnosticSink) -> TokenLedger {
        let path = "\(site)/\(TokenLedger.fileName)"
        guard let data = try? files.read(absolute(path)) else { return TokenLedger() }
        // A ledger lists every token of the site: parsing its YAML is worth skipping when the
        // previous build parsed the very same bytes.
        guard let sources else { return parseLedger(path, sink: sink) }
        var found = SourceCache.Found()
        let item = sources.item(path: path, key: FingerprintHash.hex(data), line: 0, sink: sink, into: &found) { sink in .ledger(parseLedger(path, sink: sink)) }
        sources.record(found)
        guard case let .ledger(ledger)? = item else { return TokenLedger() }
        return ledger
    }

    private func parseLedger(_ path: String, sink: DiagnosticSink) -> TokenLedger {
        guard let fields = yamlFile(path, sink: sink) else { return TokenLedger() }
        var ledger = TokenLedger()
        for key in fields.keys {
            guard let record = fields.mapping(key) else { continue }
            defer { record.finish() }
            guard let token = Token(key) else {
                record.report(.error("'\(key)' is not a valid token", at: record.location))
                continue
            }
            let kind = record.choice("kind", required: true, as: TokenKind.self)
            let status = record.choice("status", as: Manifest.Status.self) ?? .active
            let source = record.string("source", required: true)
            let title = record.string("title") ?? ""
            guard let kind, let source else { continue }
            ledger.records[token] = TokenLedger.Record(kind: kind, status: status, source: source, title: title, location: record.location)
        }
        return ledger
    }
}
