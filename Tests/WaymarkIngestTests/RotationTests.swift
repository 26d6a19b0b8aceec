import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// New files at UTC midnight (with the test-only `--clock-offset`) and past the size limit.
@Suite struct RotationTests {
    @Test func aNewPartitionStartsAtUTCMidnight() throws {
        // Shift the server's clock so that UTC midnight is 1.5 s away.
        let now = UTCTimestamp.now().milliseconds
        let nextMidnight = (now / 86_400_000 + 1) * 86_400_000
        let offset = Double(nextMidnight - now - 1500) / 1000
        let fixture = try IngestFixture(["--clock-offset", String(offset)])
        for _ in 0..<3 { #expect(try fixture.scan("88X0WK").status == 302) }
        let deadline = Date().addingTimeInterval(10)
        var beforeMidnight = true
        while beforeMidnight, Date() < deadline {
            usleep(100_000)
            beforeMidnight = UTCTimestamp.now(offsetMilliseconds: Int64(offset * 1000)).milliseconds < nextMidnight + 200
        }
        for _ in 0..<2 { #expect(try fixture.beacon(token: "7KQ2MX").status == 204) }

        let files = IngestFixture.logFiles(fixture.logs)
        let yesterday = UTCTimestamp(milliseconds: nextMidnight - 1).day, today = UTCTimestamp(milliseconds: nextMidnight).day
        #expect(files.keys.sorted() == [
            "site=hollowcreek/date=\(yesterday)/node1-1.ndjson",
            "site=hollowcreek/date=\(today)/node1-1.ndjson",
        ])
        #expect(files["site=hollowcreek/date=\(yesterday)/node1-1.ndjson"]?.events.count == 3)
        #expect(files["site=hollowcreek/date=\(today)/node1-1.ndjson"]?.events.map(\.kind) == [.beacon, .beacon])
        #expect(files.values.allSatisfy { $0.events.allSatisfy { $0.ts.day == (($0.kind == .scan) ? yesterday : today) } })
    }

    @Test func aNewFileStartsBeforeTheSizeLimit() throws {
        let fixture = try IngestFixture(["--max-file-bytes", "1024"])
        for _ in 0..<12 { #expect(try fixture.scan("88X0WK").status == 302) }
        let files = IngestFixture.logFiles(fixture.logs)
        #expect(files.count >= 3)
        #expect(files.values.reduce(0) { $0 + $1.events.count } == 12)
        #expect(files.values.allSatisfy { $0.completeBytes <= 1024 && $0.malformedLines == 0 && !$0.truncatedFinalLine })
        let sequences = files.keys.compactMap { ScanLogPath.sequence(inFileName: String($0.split(separator: "/").last!), node: "node1") }.sorted()
        #expect(sequences == Array(1...files.count))
    }
}
