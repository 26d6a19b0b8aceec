import Foundation
import Testing
import WaymarkCore
@testable import WaymarkScans

/// Lines gathered in one buffer and written from it: same bytes as `ScanEvent.line`, split at
/// lines only, emptied for reuse.
@Suite struct ScanLogBatchTests {
    let root = NSTemporaryDirectory() + "waymark-scanbatch-" + UUID().uuidString

    func event(_ ts: String, site: String = "acme", ref: String? = nil) -> ScanEvent {
        var event = ScanEventLineTests.event(ref: ref)
        event.ts = UTCTimestamp(ts)!
        event.site = SiteID(site)!
        event.id = EventID.make(at: event.ts)
        return event
    }

    @Test func aBatchHoldsExactlyTheEventsLines() {
        let events = [event("2026-11-21T10:00:00.000Z"), event("2026-11-21T10:00:01.000Z", site: "beta", ref: "example.com")]
        var batch = ScanLogBatch()
        for event in events { batch.append(event) }
        #expect(batch.count == 2)
        #expect(batch.bytes == events.flatMap(\.line))
        #expect(batch.lines.map(\.end) == [events[0].line.count, events[0].line.count + events[1].line.count])
        batch.removeAll()
        #expect(batch.isEmpty && batch.bytes.isEmpty)
    }

    /// The line is composed in memory sized from the fields: `\u0001` (six bytes for one) is the
    /// worst escaping, U+2028 and quotes double; the bytes must still be exactly `line`'s.
    @Test(arguments: [("\u{1}", 6), ("\u{2028}", 2), ("\"", 2)])
    func theWorstEscapingFitsTheLineBound(_ character: String, growth: Int) throws {
        let value = String(repeating: character, count: 300)
        let hostile = event("2026-11-21T10:00:00.000Z", ref: value)
        let plain = event("2026-11-21T10:00:00.000Z", ref: "")
        var batch = ScanLogBatch()
        batch.append(hostile)
        #expect(batch.bytes == hostile.line)
        #expect(batch.bytes.count == plain.line.count + growth * value.utf8.count)
        let decoded = try JSONDecoder().decode(ScanEvent.self, from: Data(batch.bytes))
        #expect(decoded.ref == value)
    }

    @Test func theWriterSplitsABatchAtPartitionsAndSizeLimitsOnly() throws {
        let length = event("2026-11-21T10:00:00.000Z").line.count
        let writer = ScanLogWriter(.init(directory: root, node: "n", durability: .never, maxFileBytes: length * 2,
                                         now: { UTCTimestamp("2026-11-21T12:00:00.000Z")! }))
        var batch = ScanLogBatch()
        for second in 0..<5 { batch.append(event("2026-11-21T10:00:0\(second).000Z")) }
        batch.append(event("2026-11-21T10:00:05.000Z", site: "beta"))
        let done = DispatchSemaphore(value: 0)
        let outcome = NSLock()
        nonisolated(unsafe) var results: [Result<Void, ScanLogError>] = []
        writer.append(batch) { got in
            outcome.withLock { results = got }
            done.signal()
        }
        done.wait()
        writer.close()
        #expect(outcome.withLock { results.count } == 6)
        let names = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".ndjson") }.sorted()
        let counts = try names.map { try ScanLogReader.read(contentsOf: root + "/" + $0).events.count }
        #expect(names.count == 4)
        #expect(counts == [2, 2, 1, 1], "acme in files of two lines, beta on its own")
        #expect(writer.currentStatistics.linesWritten == 6)
    }
}
