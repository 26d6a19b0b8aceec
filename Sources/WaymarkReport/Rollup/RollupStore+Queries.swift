import WaymarkScans

/// What the report reads back from the rollup database.
extension RollupStore {
    /// One stored count.
    struct Row {
        var day: UTCDay
        var dimension: String
        var key: String
        var count: Int
    }

    /// Sites with rollups or log files, sorted.
    func sites() throws(SQLiteError) -> [String] {
        let query = try database.prepare("SELECT site FROM rollup UNION SELECT site FROM log_files ORDER BY 1")
        var sites: [String] = []
        while try query.step() { sites.append(query.text(0)) }
        return sites
    }

    /// The newest day with any rollup, of any site.
    func lastDay() throws(SQLiteError) -> UTCDay? {
        let query = try database.prepare("SELECT max(day) FROM rollup")
        return try query.step() ? UTCDay(query.text(0)) : nil
    }

    func rows(site: String) throws(SQLiteError) -> [Row] {
        let query = try database.prepare("SELECT day, dimension, key, count FROM rollup WHERE site = ? ORDER BY day, dimension, key")
        try query.bind(.text(site))
        var rows: [Row] = []
        while try query.step() {
            guard let day = UTCDay(query.text(0)) else { continue }
            rows.append(Row(day: day, dimension: query.text(1), key: query.text(2), count: query.int(3)))
        }
        return rows
    }

    /// Every stored (site, day, dimension, key, count), sorted: what `sql/rollup.sql` must equal.
    func allRows() throws(SQLiteError) -> [(site: String, day: String, dimension: String, key: String, count: Int)] {
        let query = try database.prepare("SELECT site, day, dimension, key, count FROM rollup ORDER BY site, day, dimension, key")
        var rows: [(String, String, String, String, Int)] = []
        while try query.step() { rows.append((query.text(0), query.text(1), query.text(2), query.text(3), query.int(4))) }
        return rows
    }

    /// The (visitor, token) pairs of a site's day, tokens by name.
    func visits(site: String, day: UTCDay, tokenNames: [Int32: String]) throws(SQLiteError) -> [(visitor: UInt64, token: String)] {
        let query = try database.prepare("SELECT visits FROM day_state WHERE site = ? AND day = ?")
        try query.bind(.text(site), .text(day.description))
        guard try query.step() else { return [] }
        return Self.decodeVisits(query.blob(0)).compactMap { visit in tokenNames[visit.token].map { (visit.visitor, $0) } }
    }

    /// Malformed lines (all runs) and files now ending in a truncated line, per folder site.
    func lineProblems() throws(SQLiteError) -> [String: (malformed: Int, truncated: Int)] {
        let query = try database.prepare("SELECT site, sum(malformed), sum(truncated) FROM log_files GROUP BY site")
        var problems: [String: (Int, Int)] = [:]
        while try query.step() { problems[query.text(0)] = (query.int(1), query.int(2)) }
        return problems
    }
}
