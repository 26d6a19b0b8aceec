import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// kill -9 under concurrent load, several times: every acknowledged event is in the log exactly
/// once, and every line parses (at most one truncated final line per file).
@Suite struct CrashTests {
    /// What the load threads sent and which requests got a 2xx.
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var sent: Set<String> = []
        private(set) var acknowledged: Set<String> = []
        private var stopped = false

        var acknowledgedCount: Int { lock.lock(); defer { lock.unlock() }; return acknowledged.count }

        func record(_ ref: String, acknowledged ok: Bool) {
            lock.lock(); defer { lock.unlock() }
            sent.insert(ref)
            if ok { acknowledged.insert(ref) }
        }

        var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
        func stop() { lock.lock(); stopped = true; lock.unlock() }
    }

    @Test func killNineUnderLoadLosesNoAcknowledgedEvent() throws {
        let logs = try WaymarkBinary.temporaryFolder() + "/logs"
        let ledger = Ledger()
        for round in 0..<4 {
            let fixture = try IngestFixture(["--fsync", "always"], logs: logs)
            let workers = DispatchGroup()
            let roundLedger = Ledger()
            for worker in 0..<6 {
                DispatchQueue.global().async(group: workers) {
                    // Bounded: at most 3000 requests per worker, and it stops at the first refused connection.
                    for index in 0..<3000 where !roundLedger.isStopped {
                        let ref = "r\(round)-w\(worker)-n\(index).test"
                        let request = worker % 2 == 0
                            ? HTTPReply.request("POST", "/b", headers: [("Origin", IngestFixture.hollowcreekOrigin)],
                                                body: Array("{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"ref\":\"https://\(ref)/\"}".utf8))
                            : HTTPReply.request("GET", "/t/7KQ2MX", headers: [("Host", "hc.example"), ("Referer", "https://\(ref)/")])
                        do {
                            let reply = try HTTPReply.exchange(request, port: fixture.server.port, timeout: 3)
                            ledger.record(ref, acknowledged: (200..<400).contains(reply.status))
                            roundLedger.record(ref, acknowledged: (200..<400).contains(reply.status))
                        } catch {
                            ledger.record(ref, acknowledged: false)
                            break
                        }
                    }
                }
            }
            // Kill mid-load: once this round has some acknowledged requests, after a varying delay.
            let busy = Date().addingTimeInterval(10)
            while roundLedger.acknowledgedCount < 50, Date() < busy { usleep(5_000) }
            usleep(useconds_t(50_000 + round * 70_000))
            fixture.server.crash()
            roundLedger.stop()
            #expect(workers.wait(timeout: .now() + 30) == .success)
        }

        let files = IngestFixture.logFiles(logs)
        #expect(files.count >= 4, "each start opens a new file: \(files.keys.sorted())")
        var seen: [String: Int] = [:]
        for (path, contents) in files {
            #expect(contents.malformedLines == 0, "\(path) has malformed lines")
            for event in contents.events { seen[event.ref ?? "", default: 0] += 1 }
        }
        #expect(ledger.acknowledged.count > 100, "the load did run (\(ledger.acknowledged.count) acknowledged)")
        let lost = ledger.acknowledged.filter { seen[$0] == nil }
        #expect(lost.isEmpty, "acknowledged but not logged: \(lost.prefix(5))")
        let duplicated = seen.filter { $0.value > 1 }
        #expect(duplicated.isEmpty, "logged more than once: \(duplicated.prefix(5))")
        let invented = Set(seen.keys).subtracting(ledger.sent)
        #expect(invented.isEmpty, "logged but never sent: \(invented.prefix(5))")
    }
}
