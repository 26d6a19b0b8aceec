import Foundation
import Testing
import WaymarkScans
@testable import WaymarkReport

/// Only what is new is read: appended lines, completed lines, late partitions for old days.
@Suite struct RollupIncrementalTests {
    static let day = "2026-11-20"

    static func lines(_ ids: Range<Int>, day: String = day, ih: String = "1111111111111111") -> String {
        ids.map { ReportSandbox.line(id: "inc\($0)", ts: "\(day)T10:00:\(String(format: "%02d", $0 % 60)).000Z", ih: ih) }.joined()
    }

    @Test func appendedLinesAreTheOnlyOnesRead() throws {
        let sandbox = try ReportSandbox()
        let file = "site=hollow/date=\(Self.day)/n1-1.ndjson"
        try sandbox.append(Self.lines(0..<10), to: file)
        let (first, _) = try sandbox.run()
        #expect(first.linesRead == 10 && first.newScans == 10)

        let appended = Self.lines(10..<13)
        try sandbox.append(appended, to: file)
        let (second, _) = try sandbox.run()
        #expect(second.filesRead == 1)
        #expect(second.linesRead == 3 && second.bytesRead == appended.utf8.count)
        #expect(second.newScans == 3 && second.duplicates == 0)
        #expect(try sandbox.json("hollow").totals["scans"] as? Int == 13)
    }

    @Test func aLineCompletedAfterARunIsCountedOnce() throws {
        let sandbox = try ReportSandbox()
        let file = "site=hollow/date=\(Self.day)/n1-1.ndjson"
        let line = Self.lines(0..<1)
        try sandbox.append(String(line.prefix(50)), to: file)
        let (first, _) = try sandbox.run()
        #expect(first.linesRead == 0 && first.truncatedLines == 1 && first.newScans == 0)
        try sandbox.append(String(line.dropFirst(50)), to: file)
        let (second, _) = try sandbox.run()
        #expect(second.linesRead == 1 && second.truncatedLines == 0 && second.newScans == 1 && second.malformedLines == 0)
        #expect(try sandbox.json("hollow").totals["truncated_lines"] as? Int == 0)
    }

    @Test func lateLogsForAnOldDayUpdateThatDay() throws {
        let sandbox = try ReportSandbox(fixture: "basic")
        try sandbox.run()
        // A node that was offline delivers its file for the 20th after the 21st was reported:
        // one event the others had (a duplicate) and two new ones, one of them a new visitor.
        let late = ReportSandbox.line(id: "e01", ts: "2026-11-20T09:15:00.000Z", ih: "1111111111111111")
            + ReportSandbox.line(id: "late1", ts: "2026-11-20T21:00:00.000Z", token: "BBBBBB", ih: "3333333333333333")
            + ReportSandbox.line(id: "late2", ts: "2026-11-20T21:30:00.000Z", token: "AAAAAA", ih: "abcdefabcdefabcd")
        try sandbox.append(late, to: "site=hollow/date=2026-11-20/n3-1.ndjson")
        let (run, _) = try sandbox.run()
        #expect(run.linesRead == 3 && run.newScans == 2 && run.duplicates == 1 && run.daysUpdated == 1)
        let hollow = try sandbox.json("hollow")
        let day = hollow.rows("daily").first { $0["day"] as? String == "2026-11-20" }!
        #expect(day["scans"] as? Int == 10 && day["visitors"] as? Int == 4)
        #expect(hollow.totals["duplicates"] as? Int == 3)
        // v3 now reached stop 2 as well; the new visitor started the trail.
        let funnel = ((hollow["trails"] as! [[String: Any]])[0]["funnel"] as! [String: Any])["rows"] as! [[String: Any]]
        #expect(funnel.map { $0["visitors"] as! Int } == [6, 3, 3])
    }

    @Test func sinceSkipsOlderPartitions() throws {
        let sandbox = try ReportSandbox(fixture: "basic")
        let rollup = try Rollup(databasePath: sandbox.database)
        let run = try rollup.update(logs: sandbox.logs, since: UTCDay("2026-11-21"))
        #expect(run.filesSeen == 2 && run.newScans == 5)
    }
}
