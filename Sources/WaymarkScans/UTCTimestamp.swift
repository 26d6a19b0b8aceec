#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment in UTC with millisecond precision, written as `2026-11-21T10:31:02.123Z`.
///
/// Formatting is done by hand: a `DateFormatter` per event would cost more than the rest of the
/// line together, and the log format must not depend on a locale.
public struct UTCTimestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// The system clock now, shifted by `offsetMilliseconds` (tests use it to cross midnight).
    public static func now(offsetMilliseconds: Int64 = 0) -> UTCTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCTimestamp(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000 + offsetMilliseconds)
    }

    /// The UTC calendar day this moment falls on: the log partition and the salt's day.
    public var day: UTCDay { UTCDay(daysSinceEpoch: Int(milliseconds.floorDivided(by: 86_400_000))) }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public var description: String {
        String(unsafeUninitializedCapacity: 24) { storage in
            var line = LineBuffer(UnsafeMutableRawBufferPointer(storage))
            appendISO8601(to: &line)
            return line.count
        }
    }

    /// Writes `description`'s 24 bytes straight into a line being built (no intermediate strings).
    func appendISO8601(to out: inout LineBuffer) {
        let day = self.day
        let inDay = Int(milliseconds - Int64(day.daysSinceEpoch) * 86_400_000)
        // Digit by digit with fixed divisors: this runs for every logged event.
        func digit(_ value: Int) { out.byte(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)) }
        digit(day.year / 1000); digit(day.year / 100); digit(day.year / 10); digit(day.year); out.byte(UInt8(ascii: "-"))
        digit(day.month / 10); digit(day.month); out.byte(UInt8(ascii: "-"))
        digit(day.day / 10); digit(day.day); out.byte(UInt8(ascii: "T"))
        let hour = inDay / 3_600_000, minute = inDay / 60_000 % 60, second = inDay / 1000 % 60, millisecond = inDay % 1000
        digit(hour / 10); digit(hour); out.byte(UInt8(ascii: ":"))
        digit(minute / 10); digit(minute); out.byte(UInt8(ascii: ":"))
        digit(second / 10); digit(second); out.byte(UInt8(ascii: "."))
        digit(millisecond / 100); digit(millisecond / 10); digit(millisecond); out.byte(UInt8(ascii: "Z"))
    }

    /// Parses exactly the form `description` writes; anything else is nil.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
              let day = UTCDay(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Self.number(bytes[11..<13]), hour < 24,
              let minute = Self.number(bytes[14..<16]), minute < 60,
              let second = Self.number(bytes[17..<19]), second < 60,
              let millisecond = Self.number(bytes[20..<23])
        else { return nil }
        milliseconds = Int64(day.daysSinceEpoch) * 86_400_000
            + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = UTCTimestamp(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid timestamp \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }
}

extension UTCTimestamp {
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

private extension Int64 {
    /// Division rounding towards minus infinity, so moments before 1970 land on the right day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
