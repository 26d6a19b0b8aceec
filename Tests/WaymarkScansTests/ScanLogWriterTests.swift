import Foundation
import Testing
import WaymarkCore
@testable import WaymarkScans

/// Paths, rotation and durability of the writer, on a real temporary folder.
@Suite struct ScanLogWriterTests {
    let root = NSTemporaryDirectory() + "waymark-scanlog-" + UUID().uuidString

    func event(_ ts: String, site: String = "acme") -> ScanEvent {
        var event = ScanEventLineTests.event()
        event.ts = UTCTimestamp(ts)!
        event.site = SiteID(site)!
        event.id = EventID.make(at: event.ts)
        return event
    }

    /// The writer closes files of days that are over; pin its clock to the events' day.
    func configuration(node: String = "n", durability: ScanLogDurability = .interval, maxFileBytes: Int = 64 << 20) -> ScanLogWriter.Configuration {
        ScanLogWriter.Configuration(directory: root, node: node, durability: durability, maxFileBytes: maxFileBytes,
                                    now: { UTCTimestamp("2026-11-21T12:00:00.000Z")! })
    }

    func files() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".ndjson") }.sorted()
    }

    @Test func writesHivePartitionsPerSiteAndDay() throws {
        let writer = ScanLogWriter(configuration(node: "edge-1", durability: .always))
        try writer.append(event("2026-11-21T10:00:00.000Z"))
        try writer.append(event("2026-11-21T11:00:00.000Z", site: "beta"))
        try writer.append(event("2026-11-22T00:00:00.000Z"))
        writer.close()
        #expect(try files() == [
            "site=acme/date=2026-11-21/edge-1-1.ndjson",
            "site=acme/date=2026-11-22/edge-1-1.ndjson",
            "site=beta/date=2026-11-21/edge-1-1.ndjson",
        ])
    }

    @Test func aRestartNeverAppendsToAnOldFile() throws {
        for _ in 0..<3 {
            let writer = ScanLogWriter(configuration(durability: .never))
            try writer.append(event("2026-11-21T10:00:00.000Z"))
            writer.close()
        }
        #expect(try files() == (1...3).map { "site=acme/date=2026-11-21/n-\($0).ndjson" })
    }

    @Test func rotatesBeforeTheSizeLimit() throws {
        let lineLength = event("2026-11-21T10:00:00.000Z").line.count
        let writer = ScanLogWriter(configuration(maxFileBytes: lineLength * 3))
        for _ in 0..<7 { try writer.append(event("2026-11-21T10:00:00.000Z")) }
        writer.close()
        let names = try files()
        #expect(names.count == 3)
        let counts = try names.map { try ScanLogReader.read(contentsOf: root + "/" + $0).events.count }
        #expect(counts == [3, 3, 1])
        #expect(writer.currentStatistics.filesOpened == 3)
    }

    @Test func alwaysAcknowledgesOnlyAfterAnFsyncAndGroupsConcurrentAppends() async throws {
        let writer = ScanLogWriter(configuration(durability: .always))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask { try? writer.append(self.event("2026-11-21T10:00:00.000Z")) }
            }
        }
        let statistics = writer.currentStatistics
        writer.close()
        #expect(statistics.linesWritten == 200)
        #expect(statistics.fsyncCount >= 1 && statistics.fsyncCount <= 200)
        #expect(try ScanLogReader.read(contentsOf: root + "/" + files()[0]).events.count == 200)
    }

    @Test func anUnwritableFolderIsAnErrorAndNothingIsWritten() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        // A file where the site's folder should be: mkdir fails even for root.
        #expect(FileManager.default.createFile(atPath: root + "/site=acme", contents: Data()))
        let writer = ScanLogWriter(configuration())
        #expect(throws: ScanLogError.self) { try writer.append(event("2026-11-21T10:00:00.000Z")) }
        #expect(writer.currentError?.code == "create_folder")
        writer.close()
        #expect(try files().isEmpty)
    }

    @Test func aClosedWriterRefusesAppends() throws {
        let writer = ScanLogWriter(configuration())
        writer.close()
        #expect(throws: ScanLogError(path: "acme", reason: .closed)) { try writer.append(event("2026-11-21T10:00:00.000Z")) }
    }
}

/// Files of a finished day are closed by the syncer even when no new event comes for their site.
@Suite struct ScanLogWriterMidnightTests {
    @Test func yesterdaysFileIsClosedWithoutANewEvent() throws {
        let root = NSTemporaryDirectory() + "waymark-scanlog-" + UUID().uuidString
        let clock = Clock()
        let writer = ScanLogWriter(.init(directory: root, node: "n", durability: .interval, syncInterval: .milliseconds(10), now: { clock.now }))
        var event = ScanEventLineTests.event()
        event.ts = UTCTimestamp("2026-11-21T23:59:59.900Z")!
        try writer.append(event)
        clock.now = UTCTimestamp("2026-11-22T00:00:00.100Z")!
        usleep(200_000)
        try writer.append(event)  // a late event of yesterday opens a new file, since the old one is closed
        writer.close()
        let names = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".ndjson") }.sorted()
        #expect(names == ["site=acme/date=2026-11-21/n-1.ndjson", "site=acme/date=2026-11-21/n-2.ndjson"])
    }

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = UTCTimestamp("2026-11-21T23:59:59.900Z")!
        var now: UTCTimestamp {
            get { lock.lock(); defer { lock.unlock() }; return value }
            set { lock.lock(); value = newValue; lock.unlock() }
        }
    }
}
