/// One visitor (the day's IP hash) scanning one token, on the day of the `DayTally` holding it.
/// Unique visitors and trail funnels are computed from these pairs.
struct Visit: Hashable, Sendable {
    var visitor: UInt64
    var token: Int32
}
