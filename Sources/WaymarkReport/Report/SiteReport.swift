/// Everything one site's report shows, as numbers: the JSON export, and what the HTML is drawn from.
public struct SiteReport: Encodable, Sendable {
    public struct Totals: Encodable, Equatable, Sendable {
        public var scans = 0
        public var scansLast30Days = 0
        public var scansLast90Days = 0
        /// Daily unique visitors summed over the last 30 days (a visitor hash changes every day).
        public var visitorDaysLast30Days = 0
        public var bots = 0
        public var duplicates = 0
        public var malformedLines = 0
        public var truncatedLines = 0
        /// Scans of tokens the manifest does not know for this site.
        public var orphanScans = 0
        public var firstDay: String?
        public var lastDay: String?

        enum CodingKeys: String, CodingKey {
            case scans, scansLast30Days = "scans_last_30_days", scansLast90Days = "scans_last_90_days"
            case visitorDaysLast30Days = "visitor_days_last_30_days", bots, duplicates
            case malformedLines = "malformed_lines", truncatedLines = "truncated_lines", orphanScans = "orphan_scans"
            case firstDay = "first_day", lastDay = "last_day"
        }
    }

    public struct Trail: Encodable, Sendable {
        public var slug: String
        public var title: String
        /// Of the visitors who scanned stop 1 on a day, how many scanned each stop that day (90 days).
        public var funnel: ReportTable
    }

    public var site: String
    public var title: String
    /// The day the windows end on: `--today`, or the newest day in the data.
    public var reportDay: String
    public var totals: Totals
    /// Every table by name: daily, hourly, devices, operating_systems, browsers, referrers,
    /// countries, stops, pets, orphans, bots.
    public var tables: [ReportTable]
    public var trails: [Trail]

    enum CodingKeys: String, CodingKey { case site, title, reportDay = "report_day", totals, tables, trails }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(site, forKey: .site)
        try container.encode(title, forKey: .title)
        try container.encode(reportDay, forKey: .reportDay)
        try container.encode(totals, forKey: .totals)
        try container.encode(Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) }), forKey: .tables)
        try container.encode(trails, forKey: .trails)
    }

    public func table(_ name: String) -> ReportTable? { tables.first { $0.name == name } }
}
