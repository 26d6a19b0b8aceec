import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// When the disk refuses writes: 503, a degraded /healthz, and the logs already there untouched.
@Suite struct StorageFailureTests {
    @Test func aFullFileSystemGives503AndNeverAHalfLine() throws {
        let folder = try WaymarkBinary.temporaryFolder()
        let today = UTCTimestamp.now().day
        let partition = "\(folder)/logs/site=hollowcreek/date=\(today)"
        try FileManager.default.createDirectory(atPath: partition, withIntermediateDirectories: true)
        let earlier = ScanEventLineTestsSupport.earlierLog()
        try Data(earlier).write(to: URL(fileURLWithPath: partition + "/other-1.ndjson"))

        // `ulimit -f 2`: writes past 1 KiB fail with EFBIG, as writes to a full disk fail with ENOSPC.
        let fixture = try IngestFixture(fileSizeLimit: 2, logs: folder + "/logs")
        var acknowledged: [String] = [], refused = 0, sawDegraded = false
        for index in 0..<30 {
            let reply = try fixture.beacon(token: "88X0WK", ref: "https://n\(index).test/")
            if reply.status == 204 {
                acknowledged.append("n\(index).test")
            } else {
                #expect(reply.status == 503)
                #expect(reply.header("Retry-After") == "5")
                refused += 1
                let health = try fixture.server.get("/healthz")
                if health.status == 503, health.body.contains("\"code\":\"log_dir_not_writable\"") { sawDegraded = true }
            }
        }
        #expect(refused > 0 && !acknowledged.isEmpty)
        #expect(sawDegraded)
        #expect(try fixture.server.get("/metrics").body.contains("waymark_ingest_rejected_total{reason=\"storage_unavailable\"} \(refused)\n"))

        let files = IngestFixture.logFiles(folder + "/logs")
        for (path, contents) in files {
            #expect(contents.malformedLines == 0 && !contents.truncatedFinalLine, "\(path) holds a partial line")
        }
        let logged = files.filter { !$0.key.hasSuffix("other-1.ndjson") }.values.flatMap(\.events).compactMap(\.ref)
        #expect(logged.sorted() == acknowledged.sorted(), "exactly the acknowledged events")
        #expect(FileManager.default.contents(atPath: partition + "/other-1.ndjson") == Data(earlier), "existing logs intact")
    }

    @Test func anUnwritablePartitionGives503AndADegradedHealthz() throws {
        let folder = try WaymarkBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/logs", withIntermediateDirectories: true)
        // A file where the site's folder belongs: no one, not even root, can create the partition.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder + "/logs/site=hollowcreek"))
        let fixture = try IngestFixture(logs: folder + "/logs")
        #expect(try fixture.scan("88X0WK").status == 503)
        let health = try fixture.server.get("/healthz")
        #expect(health.status == 503)
        #expect(health.body.contains("{\"code\":\"log_dir_not_writable\",\"detail\":\"site=hollowcreek/date="))
        #expect(try fixture.server.get("/metrics").body.contains("waymark_ingest_degraded 1\n"))
        #expect(fixture.server.stderr.contains("scan log write failed"))
        // The other site's partition is fine, and a good write clears the state.
        #expect(try fixture.server.get("/t/13TVGJFY9W", headers: [("Host", "pets.pawprint.example")]).status == 302)
        #expect(try fixture.server.get("/healthz").status == 200)
        #expect(fixture.server.waitForStderr(containing: "scan log writes recovered"))
    }

    @Test func aNearlyFullDiskDegradesHealthzButStillServes() throws {
        let fixture = try IngestFixture(["--min-free-bytes", String(Int64.max)])
        let health = try fixture.server.get("/healthz")
        #expect(health.status == 503)
        #expect(health.body.contains("\"code\":\"disk_nearly_full\""))
        #expect(try fixture.scan("88X0WK").status == 302)
    }
}

enum ScanEventLineTestsSupport {
    /// A few valid lines another node wrote earlier.
    static func earlierLog() -> [UInt8] {
        (0..<3).flatMap { index in
            Array("{\"v\":1,\"id\":\"01JD00000000000000000000\(index)0\",\"ts\":\"2026-11-21T10:31:02.123Z\",\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"kind\":\"scan\",\"ua\":{\"device\":\"mobile\",\"os\":\"ios\",\"browser\":\"safari\"},\"ref\":null,\"cc\":null,\"ih\":\"0123456789abcdef\"}\n".utf8)
        }
    }
}
