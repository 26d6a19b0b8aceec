import Testing
@testable import WaymarkScans

@Suite struct EventIDTests {
    @Test func idsAreULIDsThatSortByTime() {
        let early = EventID.make(at: UTCTimestamp(milliseconds: 1_795_000_000_000))
        let late = EventID.make(at: UTCTimestamp(milliseconds: 1_795_000_000_001))
        #expect(early.count == 26 && late.count == 26)
        #expect(early.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        #expect(early < late)
        // The first ten characters are the time: decode them back.
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        let time = early.prefix(10).reduce(0) { $0 * 32 + alphabet.firstIndex(of: $1)! }
        #expect(time == 1_795_000_000_000)
    }

    @Test func idsAreUnique() {
        let now = UTCTimestamp.now()
        let ids = Set((0..<10_000).map { _ in EventID.make(at: now) })
        #expect(ids.count == 10_000)
    }
}
