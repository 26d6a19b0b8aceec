/// The template contexts of a site's pages, built from its `SiteReport`.
enum ReportPages {
    static func site(_ report: SiteReport) -> [String: Any] {
        let daily = report.table("daily")!
        var tables: [String: Any] = [:]
        for name in ["devices", "operating_systems", "browsers", "referrers", "countries", "bots"] {
            tables[name] = ReportCharts.bars(report.table(name)!, label: "key", value: "scans", share: "share_percent")
        }
        tables["stops"] = ReportCharts.bars(report.table("stops")!, label: "title", value: "scans", limit: 20)
        tables["pets"] = ReportCharts.bars(report.table("pets")!, label: "title", value: "scans", limit: 20)
        tables["orphans"] = ReportCharts.bars(report.table("orphans")!, label: "token", value: "scans", limit: 50)
        return common(report) + [
            "totals": totals(report.totals),
            "days30": ReportCharts.columns(daily, value: "scans", last: 30),
            "days90": ReportCharts.columns(daily, value: "scans", last: 90),
            "visitors30": ReportCharts.columns(daily, value: "visitors", last: 30),
            "heatmap": ReportCharts.heatmap(report.table("hourly")!),
            "tables": tables,
            "hasStops": !report.table("stops")!.rows.isEmpty,
            "hasPets": !report.table("pets")!.rows.isEmpty,
            "hasTrails": !report.trails.isEmpty,
            "trails": report.trails.map { trail -> [String: Any] in
                ["slug": trail.slug, "title": trail.title, "first": trail.funnel.rows.first?[3].number ?? 0,
                 "last": trail.funnel.rows.last?[4].text ?? "0.0"]
            },
            "csvFiles": (report.tables + report.trails.map(\.funnel)).map { ["name": $0.name, "file": "csv/\($0.name).csv"] },
        ]
    }

    static func trail(_ trail: SiteReport.Trail, in report: SiteReport) -> [String: Any] {
        common(report) + [
            "trail": ["slug": trail.slug, "title": trail.title],
            "funnel": ReportCharts.bars(trail.funnel, label: "title", value: "visitors", share: "share_percent", limit: 64),
            "steps": trail.funnel.rows.map { ["step": $0[0].text, "title": $0[1].text, "tokens": $0[2].text, "visitors": $0[3].text, "share": $0[4].text] },
        ]
    }

    static func index(_ reports: [SiteReport]) -> [String: Any] {
        ["sites": reports.map { ["site": $0.site, "title": $0.title, "scans30": $0.totals.scansLast30Days, "reportDay": $0.reportDay] }]
    }
}

private extension ReportPages {
    static func common(_ report: SiteReport) -> [String: Any] {
        ["site": report.site, "title": report.title, "reportDay": report.reportDay]
    }

    static func totals(_ totals: SiteReport.Totals) -> [String: Any] {
        ["scans": totals.scans, "scans30": totals.scansLast30Days, "scans90": totals.scansLast90Days,
         "visitorDays30": totals.visitorDaysLast30Days, "bots": totals.bots, "duplicates": totals.duplicates,
         "malformed": totals.malformedLines, "truncated": totals.truncatedLines, "orphans": totals.orphanScans,
         "firstDay": totals.firstDay ?? "", "lastDay": totals.lastDay ?? "",
         "hasProblems": totals.malformedLines + totals.truncatedLines > 0]
    }
}

private func + (left: [String: Any], right: [String: Any]) -> [String: Any] { left.merging(right) { $1 } }
