import WaymarkCore

extension ContentLoader {
    func loadTrails(site: String, sink: DiagnosticSink, progress: ProgressCounter) -> [Trail] {
        let folder = "\(site)/trails"
        let names = (files.list(absolute(folder)) ?? []).filter { !$0.hasPrefix(".") && files.isDirectory(absolute("\(folder)/\($0)")) }
        return sink.collect(Parallel.map(names) { name in
            // Counted once the trail is loaded, from its folder's kept listing (only for a display).
            defer { progress.tick(markdownFiles(in: "\(folder)/\(name)")?.count ?? 0) }
            return DiagnosticSink.capturing { loadTrail(folder: "\(folder)/\(name)", slug: name, site: site, sink: $0) }
        }).compactMap { $0 }
    }

    private func loadTrail(folder: String, slug: String, site: String, sink: DiagnosticSink) -> Trail? {
        guard Slug.isValid(slug) else {
            sink.error("trail folder name '\(slug)' must be lower-case letters, digits and hyphens", at: SourceLocation(path: folder))
            return nil
        }
        let indexPath = "\(folder)/index.md"
        var readable = true
        // The trail's files enter the build cache together, once the trail is loaded.
        var found = SourceCache.Found()
        defer { sources?.record(found) }
        // Only a build with a cache stamps its content files.
        let opened = sources == nil ? nil : StampingFolder(path: absolute(folder))
        let loaded = loadItem(indexPath, stampedIn: opened, sink: sink, into: &found) { source, sink -> SourceRecord.Item? in
            guard let fields = FieldReader.frontMatter(of: source, sink: sink) else {
                readable = false
                return nil
            }
            let title = fields.string("title", required: true)
            let summary = fields.string("summary", required: true)
            let region = fields.string("region")
            let distance = fields.double("distance_km", in: 0...10_000)
            let difficulty = fields.choice("difficulty", as: Trail.Difficulty.self)
            let duration = fields.int("duration_min", in: 1...100_000)
            fields.finish()
            guard let title, let summary else { return nil }
            return .trail(Trail(
                slug: slug, source: indexPath, title: title, summary: summary, region: region,
                distanceKm: distance, difficulty: difficulty, durationMinutes: duration, body: "", bodyLine: 0, stops: []
            ))
        }
        guard let (index, body, bodyLine) = loaded, readable else { return nil }

        let stopFiles = (markdownFiles(in: folder) ?? []).filter { $0 != "index.md" }
        let stops = stopFiles.compactMap { loadStop(path: "\(folder)/\($0)", fileName: $0, in: opened, site: site, sink: sink, into: &found) }
        // A stop that failed to load leaves a hole that is not the user's numbering mistake.
        checkOrder(of: stops, gaps: stops.count == stopFiles.count, sink: sink)
        if stopFiles.isEmpty {
            sink.warning("trail has no stops: add files named 01-<stop>.md beside index.md", at: SourceLocation(path: indexPath))
        }
        guard case var .trail(trail)? = index else { return nil }
        (trail.body, trail.bodyLine) = (body, bodyLine)
        trail.stops = stops.sorted { $0.order < $1.order }
        return trail
    }

    private func loadStop(path: String, fileName: String, in folder: StampingFolder?, site: String, sink: DiagnosticSink, into found: inout SourceCache.Found) -> Stop? {
        let name = String(fileName.dropLast(3))
        let prefix = name.prefix { $0.isNumber }
        let hasNumber = !prefix.isEmpty && name.dropFirst(prefix.count).first == "-"
        let slug = hasNumber ? String(name.dropFirst(prefix.count + 1)) : name
        let loaded = loadItem(path, stampedIn: folder, sink: sink, into: &found) { source, sink -> SourceRecord.Item? in
            guard let fields = FieldReader.frontMatter(of: source, sink: sink) else { return nil }
            let title = fields.string("title", required: true)
            let token = TokenField.read(fields, kind: .stop)
            let latitude = fields.double("lat", required: true, in: -90...90)
            let longitude = fields.double("lon", required: true, in: -180...180)
            let summary = fields.string("summary")
            let prompt = fields.string("prompt")
            let explicitOrder = fields.int("order", in: 0...9999)
            fields.finish()

            if !Slug.isValid(slug) {
                sink.error("stop file name must be NN-<slug>.md with a slug of lower-case letters, digits and hyphens", at: SourceLocation(path: path))
            }
            guard let order = explicitOrder ?? (hasNumber ? Int(prefix) : nil) else {
                sink.error("cannot tell this stop's place in the trail: name the file NN-\(slug).md or add 'order:'", at: SourceLocation(path: path))
                return nil
            }
            guard let title, let token, let latitude, let longitude, Slug.isValid(slug) else { return nil }
            return .stop(Stop(
                slug: slug, source: path, order: order, title: title, token: token.token,
                tokenLocation: token.location, latitude: latitude, longitude: longitude, summary: summary,
                prompt: prompt, body: "", bodyLine: 0
            ))
        }
        guard let (item, body, bodyLine) = loaded, case var .stop(stop)? = item else { return nil }
        (stop.body, stop.bodyLine) = (body, bodyLine)
        return stop
    }

    /// Two stops at the same place, or with the same slug, would make the walking order ambiguous.
    private func checkOrder(of stops: [Stop], gaps checkGaps: Bool, sink: DiagnosticSink) {
        // Indices into `stops`, not copies of them: a stop has a dozen fields to retain.
        var seenOrder: [Int: Int] = [:], seenSlug: [String: Int] = [:]
        seenOrder.reserveCapacity(stops.count)
        seenSlug.reserveCapacity(stops.count)
        func fileName(_ index: Int) -> Substring { stops[index].source.split(separator: "/").last! }
        for (index, stop) in stops.enumerated() {
            if let first = seenOrder[stop.order] {
                sink.error("stop number \(stop.order) is also used by \(fileName(first))", at: SourceLocation(path: stop.source))
            }
            if let first = seenSlug[stop.slug] {
                sink.error("stop slug '\(stop.slug)' is also used by \(fileName(first))", at: SourceLocation(path: stop.source))
            }
            seenOrder[stop.order] = seenOrder[stop.order] ?? index
            seenSlug[stop.slug] = seenSlug[stop.slug] ?? index
        }
        // Cards say "stop 3 of 7": the numbers must run 1, 2, 3… so the page, the card and the post agree.
        guard checkGaps else { return }
        var expected = 1
        for index in stops.indices.sorted(by: { stops[$0].order < stops[$1].order }) where seenOrder[stops[index].order] == index {
            let stop = stops[index]
            if stop.order != expected {
                let was = expected == 1 ? "the first stop must be number 1" : "stop numbers jump from \(expected - 1) to \(stop.order)"
                sink.error("\(was): number the stops 1, 2, 3… in walking order without gaps", at: SourceLocation(path: stop.source))
                return
            }
            expected += 1
        }
    }

    /// Loads the file at `path`: the previous build's item when the file is unchanged (its body is
    /// then not read: empty here, read when its page is rendered), else read and parsed (or taken
    /// over when only the body changed). Nil when the file cannot be read.
    /// `found`: where the build cache's records of what is loaded gather until the trail is done.
    /// `folder`: the file's folder, opened, to stamp it by name (else by its whole path).
    private func loadItem(_ path: String, stampedIn folder: StampingFolder?, sink: DiagnosticSink, into found: inout SourceCache.Found,
                          _ parse: (SourceText, DiagnosticSink) -> SourceRecord.Item?) -> (item: SourceRecord.Item?, body: String, bodyLine: Int)? {
        // Stamped before reading: an edit made while the build reads shows in the next build.
        let stamp: FileStamp?
        if sources == nil {
            stamp = nil
        } else if let folder {
            stamp = folder.stamp(PathText.name(of: path))
        } else {
            stamp = FileStamp(path: absolute(path))
        }
        if let sources, let record = sources.unchanged(path, stamp: stamp, sink: sink, into: &found) {
            return (record.item, "", record.bodyLine)
        }
        guard let source = text(path, sink: sink) else { return nil }
        guard let sources else { return (parse(source, sink), source.body, source.bodyLine) }
        return (sources.item(for: source, stamp: stamp, sink: sink, into: &found) { parse(source, $0) }, source.body, source.bodyLine)
    }
}
