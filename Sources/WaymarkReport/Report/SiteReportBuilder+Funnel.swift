import WaymarkScans

extension SiteReportBuilder {
    /// For each trail: of the visitors who scanned stop 1 on a day, how many scanned stop 2, 3, …
    /// that same day (a visitor hash only means something within its day), summed over the window.
    func funnels(_ range: ClosedRange<Int>, visits: (UTCDay) throws -> [(visitor: UInt64, token: String)]) rethrows -> [SiteReport.Trail] {
        guard !catalog.trails.isEmpty else { return [] }
        var stopOf: [String: (trail: Int, stop: Int)] = [:]
        for (trailIndex, trail) in catalog.trails.enumerated() {
            for (stopIndex, stop) in trail.stops.enumerated() {
                for token in stop.tokens { stopOf[token] = (trailIndex, stopIndex) }
            }
        }
        // Retired tokens of an item on a trail count for that stop too (the catalog keeps them on the item).
        var reached = catalog.trails.map { [Int](repeating: 0, count: $0.stops.count) }
        for day in range {
            var stopsByVisitor: [UInt64: [Int: UInt64]] = [:]  // visitor → trail → bit set of stops
            for visit in try visits(UTCDay(daysSinceEpoch: day)) {
                guard let (trail, stop) = stopOf[visit.token], stop < 64 else { continue }
                stopsByVisitor[visit.visitor, default: [:]][trail, default: 0] |= 1 << UInt64(stop)
            }
            for trails in stopsByVisitor.values {
                for (trail, stops) in trails where stops & 1 == 1 {
                    for stop in reached[trail].indices where stops & (1 << UInt64(stop)) != 0 { reached[trail][stop] += 1 }
                }
            }
        }
        return catalog.trails.enumerated().map { trailIndex, trail in
            let first = reached[trailIndex].first ?? 0
            let rows: [[ReportTable.Cell]] = trail.stops.enumerated().map { stopIndex, stop in
                [.number(stopIndex + 1), .text(stop.title), .text(stop.tokens.joined(separator: " ")),
                 .number(reached[trailIndex][stopIndex]), .percent(ReportTable.share(reached[trailIndex][stopIndex], of: first))]
            }
            return SiteReport.Trail(slug: trail.slug, title: Self.title(ofSlug: trail.slug),
                                    funnel: ReportTable(name: "funnel-\(trail.slug)", columns: ["step", "title", "tokens", "visitors", "share_percent"], rows: rows))
        }
    }

    /// `foxglove-wood-family-trail` → `Foxglove wood family trail`: the manifest has no trail titles.
    static func title(ofSlug slug: String) -> String {
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
