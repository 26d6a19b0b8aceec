import Foundation
import WaymarkCore
import WaymarkScans

/// Renders every site's report from the rollup database: `<out>/<site>/index.html`, one
/// `trail-<slug>.html` per trail, `report.json` and `csv/<table>.csv`, plus `<out>/index.html`.
public enum Report {
    /// What a render produced.
    public struct Output: Sendable {
        public var reports: [SiteReport]
        /// Files written because they changed, relative to the output folder.
        public var written: [String]
    }

    /// Renders the sites of `manifest` and every site found in the rollups. The 30- and 90-day
    /// windows end on `today`, or on the newest day in the data so that reports are reproducible.
    public static func render(from rollup: Rollup, manifest: Manifest?, to out: String, today: UTCDay? = nil) throws -> Output {
        let store = rollup.store
        let reportDay = try today ?? store.lastDay() ?? UTCTimestamp.now().day
        let problems = try store.lineProblems()
        let tokenNames = Dictionary(uniqueKeysWithValues: try store.tokens().map { ($0.value, $0.key) })
        let sites = Set(try store.sites()).union(manifest?.sites.keys ?? [:].keys).sorted()
        let templates = try ReportTemplates()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var writer = ReportWriter(root: out)
        var reports: [SiteReport] = []
        for site in sites {
            let builder = SiteReportBuilder(site: site, catalog: ReportCatalog(manifest: manifest, site: site), rows: try store.rows(site: site), reportDay: reportDay)
            let report = try builder.build(lineProblems: problems[site] ?? (0, 0)) { day in
                try store.visits(site: site, day: day, tokenNames: tokenNames)
            }
            try writer.write(templates.render("report-site", ReportPages.site(report)), to: "\(site)/index.html")
            for trail in report.trails {
                try writer.write(templates.render("report-trail", ReportPages.trail(trail, in: report)), to: "\(site)/trail-\(trail.slug).html")
            }
            try writer.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n", to: "\(site)/report.json")
            for table in report.tables + report.trails.map(\.funnel) {
                try writer.write(table.csv, to: "\(site)/csv/\(table.name).csv")
            }
            reports.append(report)
        }
        try writer.write(templates.render("report-index", ReportPages.index(reports)), to: "index.html")
        return Output(reports: reports, written: writer.written)
    }
}
