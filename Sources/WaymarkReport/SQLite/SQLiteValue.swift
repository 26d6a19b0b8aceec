/// A value bound to a statement parameter.
enum SQLiteValue {
    case integer(Int)
    case text(String)
    case blob([UInt8])
    case null
}
