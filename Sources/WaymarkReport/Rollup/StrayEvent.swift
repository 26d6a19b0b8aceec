/// An event whose own site or day differs from its partition folder's (a clock off by a few
/// seconds at midnight, a file copied into the wrong folder). Rare, so it is kept whole and added
/// after the partitions, one at a time, to the day it belongs to.
struct StrayEvent: Sendable {
    var fields: EventFields
    var idHash: UInt64
    var day: Int
    var hour: Int
    var visitor: UInt64
}
