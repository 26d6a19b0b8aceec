import WaymarkCore
import WaymarkScans

/// Turns a site's stored daily rollups into its report: windows of 30 and 90 days ending on the
/// report day, breakdowns over the 90 days, items named through the manifest, trail funnels.
struct SiteReportBuilder {
    var site: String
    var catalog: ReportCatalog
    var reportDay: UTCDay
    /// dimension → key → day number → count.
    private var counts: [String: [String: [Int: Int]]] = [:]
    private var days: [Int] = []

    init(site: String, catalog: ReportCatalog, rows: [RollupStore.Row], reportDay: UTCDay) {
        self.site = site
        self.catalog = catalog
        self.reportDay = reportDay
        for row in rows { counts[row.dimension, default: [:]][row.key, default: [:]][row.day.daysSinceEpoch, default: 0] += row.count }
        days = Set(rows.map(\.day.daysSinceEpoch)).sorted()
    }

    func build(lineProblems: (malformed: Int, truncated: Int), visits: (UTCDay) throws -> [(visitor: UInt64, token: String)]) rethrows -> SiteReport {
        let window90 = window(90), window30 = window(30)
        var totals = SiteReport.Totals()
        totals.scans = sum(RollupDimension.scans, "", nil)
        totals.scansLast30Days = sum(RollupDimension.scans, "", window30)
        totals.scansLast90Days = sum(RollupDimension.scans, "", window90)
        totals.visitorDaysLast30Days = sum(RollupDimension.visitors, "", window30)
        totals.bots = sum(RollupDimension.bots, "", nil)
        totals.duplicates = sum(RollupDimension.duplicates, "", nil)
        (totals.malformedLines, totals.truncatedLines) = lineProblems
        totals.firstDay = days.first.map { UTCDay(daysSinceEpoch: $0).description }
        totals.lastDay = days.last.map { UTCDay(daysSinceEpoch: $0).description }
        let orphans = self.orphans()
        totals.orphanScans = orphans.rows.reduce(0) { $0 + $1[1].number }

        var tables = [daily(window90), hourly(window90)]
        for (name, dimension) in [("devices", RollupDimension.device), ("operating_systems", RollupDimension.os),
                                  ("browsers", RollupDimension.browser), ("referrers", RollupDimension.referrer),
                                  ("countries", RollupDimension.country), ("bots", RollupDimension.botBrowser)] {
            tables.append(breakdown(name, dimension, window90))
        }
        tables += [items(kind: .stop, window90), items(kind: .pet, window90), orphans]
        let trails = try funnels(window90, visits: visits)
        return SiteReport(site: site, title: catalog.title, reportDay: reportDay.description, totals: totals, tables: tables, trails: trails)
    }
}

private extension SiteReportBuilder {
    func window(_ length: Int) -> ClosedRange<Int> { reportDay.daysSinceEpoch - length + 1...reportDay.daysSinceEpoch }

    func sum(_ dimension: String, _ key: String, _ range: ClosedRange<Int>?) -> Int {
        guard let byDay = counts[dimension]?[key] else { return 0 }
        return byDay.reduce(0) { total, entry in range.map { $0.contains(entry.key) } ?? true ? total + entry.value : total }
    }

    func daily(_ range: ClosedRange<Int>) -> ReportTable {
        ReportTable(name: "daily", columns: ["day", "scans", "visitors", "bots"], rows: range.map { day in
            [.text(UTCDay(daysSinceEpoch: day).description), .number(sum(RollupDimension.scans, "", day...day)),
             .number(sum(RollupDimension.visitors, "", day...day)), .number(sum(RollupDimension.bots, "", day...day))]
        })
    }

    /// Weekday (ISO: 1 = Monday) × hour (UTC) over the window: 168 rows.
    func hourly(_ range: ClosedRange<Int>) -> ReportTable {
        var grid = [Int](repeating: 0, count: 7 * 24)
        for (key, byDay) in counts[RollupDimension.hour] ?? [:] {
            guard let hour = Int(key), (0..<24).contains(hour) else { continue }
            for (day, count) in byDay where range.contains(day) { grid[Self.weekday(day) * 24 + hour] += count }
        }
        return ReportTable(name: "hourly", columns: ["weekday", "hour", "scans"], rows: (0..<7 * 24).map { cell in
            [.number(cell / 24 + 1), .number(cell % 24), .number(grid[cell])]
        })
    }

    /// 0 = Monday; 1970-01-01 was a Thursday.
    static func weekday(_ day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    func breakdown(_ name: String, _ dimension: String, _ range: ClosedRange<Int>) -> ReportTable {
        let totals = (counts[dimension] ?? [:]).mapValues { $0.reduce(0) { range.contains($1.key) ? $0 + $1.value : $0 } }.filter { $0.value > 0 }
        let whole = totals.values.reduce(0, +)
        let sorted = totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        return ReportTable(name: name, columns: ["key", "scans", "share_percent"], rows: sorted.map {
            [.text($0.key), .number($0.value), .percent(ReportTable.share($0.value, of: whole))]
        })
    }

    /// Stops or pets, most scanned first (over the window), every item listed even at 0.
    func items(kind: TokenKind, _ range: ClosedRange<Int>) -> ReportTable {
        let counted = catalog.items.filter { $0.kind == kind }.map { item in
            (item: item,
             recent: item.tokens.reduce(0) { $0 + sum(RollupDimension.token, $1, range) },
             all: item.tokens.reduce(0) { $0 + sum(RollupDimension.token, $1, nil) })
        }
        let sorted = counted.sorted { left, right in
            left.recent != right.recent ? left.recent > right.recent : left.item.source < right.item.source
        }
        var columns = ["title", "tokens", "status", "scans", "scans_all_time"]
        if kind == .stop { columns = ["trail", "position"] + columns }
        let rows = sorted.map { entry -> [ReportTable.Cell] in
            let item = entry.item
            let common: [ReportTable.Cell] = [.text(item.title), .text(item.tokens.joined(separator: " ")),
                                              .text(item.retired ? "retired" : "active"), .number(entry.recent), .number(entry.all)]
            guard kind == .stop else { return common }
            let place: [ReportTable.Cell] = [.text(item.trail ?? ""), .number(item.position ?? 0)]
            return place + common
        }
        return ReportTable(name: kind == .stop ? "stops" : "pets", columns: columns, rows: rows)
    }

    /// Tokens in the logs that the manifest does not give this site, with all-time counts.
    func orphans() -> ReportTable {
        let rows = (counts[RollupDimension.token] ?? [:]).filter { catalog.item(for: $0.key) == nil }.map { token, byDay -> [ReportTable.Cell] in
            let seen = byDay.keys.sorted()
            return [.text(token), .number(byDay.values.reduce(0, +)),
                    .text(UTCDay(daysSinceEpoch: seen.first!).description), .text(UTCDay(daysSinceEpoch: seen.last!).description)]
        }.sorted { ($1[1].number, $0[0].text) < ($0[1].number, $1[0].text) }
        return ReportTable(name: "orphans", columns: ["token", "scans", "first_day", "last_day"], rows: rows)
    }
}
