/// A failed SQLite call, with the database file and SQLite's own message.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file.
    public var path: String
    /// SQLite's result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    public var code: Int32
    public var message: String

    public var description: String { "\(path): error: rollup database: \(message) (SQLite code \(code))" }
}
