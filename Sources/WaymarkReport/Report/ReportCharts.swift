/// Chart geometry for the templates, in whole SVG user units (the templates scale them with a
/// `viewBox`), so the HTML holds no floating-point noise and is identical between runs.
enum ReportCharts {
    /// Columns, one per row of `table`: 10 units wide, up to 100 high.
    static func columns(_ table: ReportTable, value column: String, last count: Int) -> [String: Any] {
        let valueIndex = table.columns.firstIndex(of: column)!
        let rows = table.rows.suffix(count)
        let maximum = max(1, rows.map { $0[valueIndex].number }.max() ?? 0)
        let bars: [[String: Any]] = rows.enumerated().map { index, row in
            let value = row[valueIndex].number
            let height = value == 0 ? 0 : max(1, value * 100 / maximum)
            return ["x": index * 10 + 1, "y": 100 - height, "height": height, "label": row[0].text, "value": value]
        }
        return ["width": rows.count * 10, "bars": bars, "max": maximum,
                "first": rows.first?[0].text ?? "", "last": rows.last?[0].text ?? "",
                "total": rows.reduce(0) { $0 + $1[valueIndex].number }]
    }

    /// The hourly table as a 24 × 7 grid of 10-unit cells, darker for more scans.
    static func heatmap(_ table: ReportTable) -> [String: Any] {
        let maximum = max(1, table.rows.map { $0[2].number }.max() ?? 0)
        let cells: [[String: Any]] = table.rows.map { row in
            let weekday = row[0].number, hour = row[1].number, value = row[2].number
            // Opacity in hundredths; a cell with any scan stays visible.
            let hundredths = value == 0 ? 4 : max(12, value * 100 / maximum)
            return ["x": 24 + hour * 10, "y": (weekday - 1) * 10, "opacity": hundredths == 100 ? "1" : "0.\(hundredths < 10 ? "0" : "")\(hundredths)",
                    "weekday": weekday, "hour": hour, "value": value]
        }
        return ["cells": cells, "max": maximum]
    }

    /// Rows of `label`, `value`, a share and a bar width in percent of the largest.
    static func bars(_ table: ReportTable, label: String, value: String, share: String? = nil, limit: Int = 12) -> [String: Any] {
        let labelIndex = table.columns.firstIndex(of: label)!, valueIndex = table.columns.firstIndex(of: value)!
        let shareIndex = share.flatMap { table.columns.firstIndex(of: $0) }
        let maximum = max(1, table.rows.map { $0[valueIndex].number }.max() ?? 0)
        let rows: [[String: Any]] = table.rows.prefix(limit).map { row in
            var entry: [String: Any] = ["label": row[labelIndex].text, "value": row[valueIndex].number,
                                        "width": row[valueIndex].number * 100 / maximum]
            if let shareIndex { entry["share"] = row[shareIndex].text }
            return entry
        }
        return ["rows": rows, "empty": rows.isEmpty, "more": max(0, table.rows.count - limit), "hasMore": table.rows.count > limit, "csv": "csv/\(table.name).csv"]
    }
}
