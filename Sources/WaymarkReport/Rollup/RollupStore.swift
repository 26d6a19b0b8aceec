import Foundation
import WaymarkScans

/// The rollup database: daily counts per dimension, what each log file has been read up to, and
/// per site and day the event-id hashes and (visitor, token) pairs that later runs need to
/// deduplicate late events and recount unique visitors and funnels.
///
/// Not thread-safe: `Rollup` serialises access from its workers.
final class RollupStore {
    static let schemaVersion = "1"

    let database: SQLiteDatabase
    private lazy var upsertAdd = try! database.prepare("""
        INSERT INTO rollup(site, day, dimension, key, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(site, day, dimension, key) DO UPDATE SET count = count + excluded.count
        """)
    private lazy var upsertSet = try! database.prepare("""
        INSERT INTO rollup(site, day, dimension, key, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(site, day, dimension, key) DO UPDATE SET count = excluded.count
        """)
    private lazy var saveState = try! database.prepare("INSERT OR REPLACE INTO day_state(site, day, event_ids, visits) VALUES (?, ?, ?, ?)")
    private lazy var loadState = try! database.prepare("SELECT event_ids, visits FROM day_state WHERE site = ? AND day = ?")
    private lazy var saveFile = try! database.prepare("INSERT OR REPLACE INTO log_files(path, site, bytes, lines, malformed, truncated) VALUES (?, ?, ?, ?, ?, ?)")

    init(path: String) throws(SQLiteError) {
        database = try SQLiteDatabase(path: path)
        // WAL: the report can read while a run writes; NORMAL sync is still crash-safe in WAL mode.
        try database.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS log_files(path TEXT PRIMARY KEY, site TEXT NOT NULL, bytes INTEGER NOT NULL,
                lines INTEGER NOT NULL, malformed INTEGER NOT NULL, truncated INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS rollup(site TEXT NOT NULL, day TEXT NOT NULL, dimension TEXT NOT NULL, key TEXT NOT NULL,
                count INTEGER NOT NULL, PRIMARY KEY(site, day, dimension, key)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS day_state(site TEXT NOT NULL, day TEXT NOT NULL, event_ids BLOB NOT NULL,
                visits BLOB NOT NULL, UNIQUE(site, day));
            CREATE TABLE IF NOT EXISTS tokens(id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE);
            INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '\(Self.schemaVersion)');
            """)
        let check = try database.prepare("SELECT value FROM meta WHERE key = 'schema'")
        guard try check.step(), check.text(0) == Self.schemaVersion else {
            throw SQLiteError(path: path, code: 0, message: "unknown rollup schema (made by a newer waymark?)")
        }
    }

    func fileProgress() throws(SQLiteError) -> [String: FileProgress] {
        let query = try database.prepare("SELECT path, site, bytes, lines, malformed, truncated FROM log_files")
        var files: [String: FileProgress] = [:]
        while try query.step() {
            files[query.text(0)] = FileProgress(path: query.text(0), site: query.text(1), bytes: query.int(2), lines: query.int(3),
                                                malformed: query.int(4), truncated: query.int(5) != 0)
        }
        return files
    }

    func save(_ file: FileProgress) throws(SQLiteError) {
        try saveFile.run(.text(file.path), .text(file.site), .integer(file.bytes), .integer(file.lines), .integer(file.malformed),
                         .integer(file.truncated ? 1 : 0))
    }

    func tokens() throws(SQLiteError) -> [String: Int32] {
        let query = try database.prepare("SELECT id, token FROM tokens")
        var tokens: [String: Int32] = [:]
        while try query.step() { tokens[query.text(1)] = Int32(query.int(0)) }
        return tokens
    }

    func addToken(_ token: String, id: Int32) throws(SQLiteError) {
        try database.prepare("INSERT INTO tokens(id, token) VALUES (?, ?)").run(.integer(Int(id)), .text(token))
    }

    /// The stored state of a site's day, empty if it has none yet.
    func tally(site: String, day: Int) throws(SQLiteError) -> DayTally {
        try loadState.bind(.text(site), .text(UTCDay(daysSinceEpoch: day).description))
        guard try loadState.step() else { return DayTally(site: site, day: day) }
        let ids = Self.decodeIDs(loadState.blob(0))
        let visits = Self.decodeVisits(loadState.blob(1))
        try loadState.bind()
        return DayTally(site: site, day: day, eventIDs: Set(ids), visits: Set(visits))
    }

    /// Adds the tally's new counts to the day's rollup and stores its state for the next run.
    func save(_ tally: DayTally, fields: [EventFields]) throws(SQLiteError) {
        guard tally.isTouched else { return }
        let day = UTCDay(daysSinceEpoch: tally.day).description
        for (dimension, keys) in tally.delta(fields: fields) {
            for (key, count) in keys { try upsertAdd.run(.text(tally.site), .text(day), .text(dimension), .text(key), .integer(count)) }
        }
        if tally.added > 0, case let visitors = tally.visitorCount, visitors > 0 {
            try upsertSet.run(.text(tally.site), .text(day), .text(RollupDimension.visitors), .text(""), .integer(visitors))
        }
        try saveState.run(.text(tally.site), .text(day), .blob(Self.encode(ids: tally.eventIDs)), .blob(Self.encode(visits: tally.visits)))
    }
}

private extension RollupStore {
    // Blobs are sorted fixed-width little-endian records: compact, and equal sets give equal bytes.

    static func encode(ids: Set<UInt64>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(ids.count * 8)
        for id in ids.sorted() { withUnsafeBytes(of: id.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    static func decodeIDs(_ bytes: [UInt8]) -> [UInt64] {
        bytes.withUnsafeBytes { raw in
            (0..<raw.count / 8).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }

    static func encode(visits: Set<Visit>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(visits.count * 12)
        for visit in visits.sorted(by: { ($0.visitor, $0.token) < ($1.visitor, $1.token) }) {
            withUnsafeBytes(of: visit.visitor.littleEndian) { out.append(contentsOf: $0) }
            withUnsafeBytes(of: visit.token.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }
}

extension RollupStore {
    static func decodeVisits(_ bytes: [UInt8]) -> [Visit] {
        bytes.withUnsafeBytes { raw in
            (0..<raw.count / 12).map {
                Visit(visitor: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 12, as: UInt64.self)),
                      token: Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 12 + 8, as: Int32.self)))
            }
        }
    }
}
