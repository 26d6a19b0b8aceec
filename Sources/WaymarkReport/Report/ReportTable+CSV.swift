extension ReportTable {
    /// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold `,` `"` or a line break.
    var csv: String {
        var out = columns.map(Self.field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { Self.field($0.text) }.joined(separator: ",") + "\r\n" }
        return out
    }

    private static func field(_ value: String) -> String {
        // A leading = + - @ would run as a formula in a spreadsheet: referrers come from visitors.
        let guarded = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
        guard guarded.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return guarded }
        return "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
