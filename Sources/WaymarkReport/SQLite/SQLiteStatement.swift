internal import CSQLite

/// A prepared statement, finalized in `deinit`. Parameters are numbered from 1, columns from 0,
/// as in SQLite.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to parameters 1... after clearing the previous run.
    func bind(_ values: SQLiteValue...) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() { try bindOne(value, at: Int32(offset + 1)) }
    }

    /// Advances to the next row; false when there is none (or the statement returns no rows).
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.failure(status)
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: SQLiteValue...) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() { try bindOne(value, at: Int32(offset + 1)) }
        try step()
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: bytes)
    }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

private extension SQLiteStatement {
    func bindOne(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let status: Int32
        switch value {
        case let .integer(number): status = sqlite3_bind_int64(handle, index, Int64(number))
        case let .text(text): status = sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
        case let .blob(bytes):
            status = bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), csqlite_transient())
            }
        case .null: status = sqlite3_bind_null(handle, index)
        }
        guard status == SQLITE_OK else { throw database.failure(status) }
    }
}
