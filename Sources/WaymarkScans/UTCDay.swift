/// A UTC calendar day: the `date=YYYY-MM-DD` log partition and the day the visitor salt belongs to.
public struct UTCDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int
    public let year: Int
    public let month: Int
    public let day: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
        // Howard Hinnant's civil-from-days: exact for the proleptic Gregorian calendar.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let candidate = UTCDay(daysSinceEpoch: era * 146_097 + dayOfEra - 719_468)
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
