import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// SIGTERM drains, fsyncs and exits 0 with every acknowledged event on disk.
@Suite struct ShutdownTests {
    @Test func sigtermFlushesAndExitsZero() throws {
        let fixture = try IngestFixture(["--fsync", "never"])
        for _ in 0..<20 { #expect(try fixture.beacon(token: "88X0WK").status == 204) }
        #expect(fixture.server.stop() == 0)
        #expect(fixture.server.stderr.contains("msg=stopped events=20"))
        #expect(fixture.events().count == 20)
    }

    @Test func startupErrorsExitNonZeroWithAReason() throws {
        let folder = try WaymarkBinary.temporaryFolder()
        #expect(throws: IngestServer.Failure.self) {
            _ = try IngestServer(manifest: folder + "/missing.json", logs: folder + "/logs")
        }
        let usage = try WaymarkBinaryRun.ingest(["--logs", folder])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("error: --manifest is required"))
        #expect(usage.stderr.contains("usage: waymark-ingest"))
        let missing = try WaymarkBinaryRun.ingest(["--manifest", folder + "/missing.json", "--logs", folder + "/logs", "--listen", "127.0.0.1:0"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing.json: cannot read"))
    }
}

/// Runs `waymark-ingest` to completion (for flag errors, which exit at once).
enum WaymarkBinaryRun {
    static func ingest(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: IngestServer.binaryPath)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
