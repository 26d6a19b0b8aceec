import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkReport

/// Running again on the same logs changes nothing: no event read twice, no file rewritten.
@Suite struct RollupIdempotenceTests {
    @Test func secondRunChangesNothing() throws {
        let sandbox = try ReportSandbox(fixture: "basic")
        let (first, firstOutput) = try sandbox.run()
        let rows = try sandbox.rollupRows()
        let files = WaymarkBinary.snapshot(sandbox.out)
        #expect(!firstOutput.written.isEmpty)

        let (second, secondOutput) = try sandbox.run()
        #expect(second.newEvents == 0 && second.duplicates == 0 && second.daysUpdated == 0)
        // Only the truncated tail is looked at again, in case its line was completed meanwhile.
        #expect(second.filesRead == 1 && second.linesRead == 0 && second.truncatedLines == 1)
        #expect(second.bytesRead == #"{"v":1,"id":"e07","ts":"2026-11-20T12:00:00.000Z","site":"hollow""#.utf8.count)
        #expect(try sandbox.rollupRows() == rows)
        #expect(secondOutput.written.isEmpty)
        #expect(WaymarkBinary.snapshot(sandbox.out).filter { !$0.key.hasPrefix("rollup") } == files.filter { !$0.key.hasPrefix("rollup") })
        #expect(first.newEvents == 16)
    }

    @Test func rereadingAReplacedFileCountsNothingTwice() throws {
        let sandbox = try ReportSandbox(fixture: "basic")
        try sandbox.run()
        let rows = try sandbox.rollupRows()
        // A file replaced by a shorter copy of itself (a restore from backup): read again from 0.
        let path = "\(sandbox.logs)/site=hollow/date=2026-11-20/n2-1.ndjson"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(3).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (run, _) = try sandbox.run()
        #expect(run.warnings.contains("site=hollow/date=2026-11-20/n2-1.ndjson: warning: file is shorter than the \(lines.joined(separator: "\n").utf8.count + 1) bytes read before; reading it again"))
        #expect(run.linesRead == 3 && run.newEvents == 0 && run.duplicates == 3)
        let after = try sandbox.rollupRows()
        #expect(after.filter { !$0.contains(" duplicates ") } == rows.filter { !$0.contains(" duplicates ") })
        #expect(after.contains("hollow 2026-11-20 duplicates  5"))
    }
}
