import WaymarkCore

/// A UTC calendar day: the `date=YYYY-MM-DD` log partition and the day the visitor salt belongs to.
public struct UTCDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int
    public let year: Int
    public let month: Int
    public let day: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
        (year, month, day) = CivilCalendar.date(days: daysSinceEpoch)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let candidate = UTCDay(daysSinceEpoch: CivilCalendar.days(year: year, month: month, day: day))
        // Rejects 31 April and friends, which the arithmetic above would roll into the next month.
        guard candidate.month == month, candidate.day == day else { return nil }
        self = candidate
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = UTCTimestamp.number(bytes[0..<4]), let month = UTCTimestamp.number(bytes[5..<7]),
              let day = UTCTimestamp.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        UTCTimestamp.pad(year, 4) + "-" + UTCTimestamp.pad(month, 2) + "-" + UTCTimestamp.pad(day, 2)
    }

    public static func < (lhs: UTCDay, rhs: UTCDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}
