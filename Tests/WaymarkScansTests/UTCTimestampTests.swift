import Testing
@testable import WaymarkScans

@Suite struct UTCTimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1_795_000_000_123), "2026-11-18T11:06:40.123Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
        (Int64(4_102_444_799_999), "2099-12-31T23:59:59.999Z"),
    ])
    func formatsAndParsesBack(milliseconds: Int64, text: String) {
        let timestamp = UTCTimestamp(milliseconds: milliseconds)
        #expect(timestamp.description == text)
        #expect(UTCTimestamp(text) == timestamp)
    }

    @Test func dayChangesExactlyAtMidnight() {
        let midnight = UTCTimestamp("2026-11-22T00:00:00.000Z")!
        #expect(UTCTimestamp(milliseconds: midnight.milliseconds - 1).day.description == "2026-11-21")
        #expect(midnight.day.description == "2026-11-22")
    }

    @Test(arguments: ["2026-11-21 10:31:02.123Z", "2026-02-30T00:00:00.000Z", "2026-11-21T24:00:00.000Z", "2026-11-21T10:31:02Z", ""])
    func refusesOtherForms(_ text: String) {
        #expect(UTCTimestamp(text) == nil)
    }

    @Test func daysRoundTripOverFourHundredYears() {
        for days in stride(from: -3653, to: 146_097, by: 97) {
            let day = UTCDay(daysSinceEpoch: days)
            #expect(UTCDay(year: day.year, month: day.month, day: day.day) == day)
            #expect(UTCDay(day.description) == day)
        }
    }
}
