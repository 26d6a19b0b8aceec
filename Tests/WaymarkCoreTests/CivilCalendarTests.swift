import Testing
import WaymarkCore

@Suite struct CivilCalendarTests {
    @Test(arguments: [(0, 1970, 1, 1), (-1, 1969, 12, 31), (11_016, 2000, 2, 29), (20_779, 2026, 11, 22), (-719_468, 0, 3, 1)])
    func daysAndDatesAgree(days: Int, year: Int, month: Int, day: Int) {
        #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
        let date = CivilCalendar.date(days: days)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        for days in stride(from: -146_097, to: 146_097, by: 1) {
            let date = CivilCalendar.date(days: days)
            #expect(CivilCalendar.days(year: date.year, month: date.month, day: date.day) == days)
        }
    }
}
