import Foundation
import WaymarkTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real `waymark serve` on free loopback ports, killed (SIGKILL) when released.
final class ServeProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let root: String
    /// Each site's port, read from the "serving <site> at http://127.0.0.1:<port>/" lines.
    private(set) var ports: [String: Int] = [:]
    private let process = Process()
    private let stdoutPath: String
    private let stderrPath: String

    /// Starts the server and waits (at most 30 s: the first build runs before it listens).
    init(root: String, arguments: [String] = [], sites: Int = 2) throws {
        self.root = root
        let logs = try WaymarkBinary.temporaryFolder()
        stdoutPath = logs + "/stdout.log"
        stderrPath = logs + "/stderr.log"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: WaymarkBinary.path)
        process.arguments = ["serve", "--root", root, "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SOURCE_DATE_EPOCH"] = "1795000000"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        // "watching" is the last line of the start-up: by then every site listens and edits count.
        var started = false
        while !started, Date() < deadline, process.isRunning {
            let output = stdout
            ports = Self.ports(in: output)
            started = ports.count >= sites && output.contains("\nwatching ")
            if !started { usleep(20_000) }
        }
        guard started else {
            IngestServer.killAndReap(process)
            throw Failure(description: "waymark serve did not start:\n\(stdout)\n\(stderr)")
        }
    }

    deinit { IngestServer.killAndReap(process) }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func get(_ site: String, _ target: String) throws -> HTTPReply {
        try HTTPReply.exchange(HTTPReply.request("GET", target), port: port(site))
    }

    func post(_ site: String, _ target: String, body: String) throws -> HTTPReply {
        try HTTPReply.exchange(HTTPReply.request("POST", target, headers: [("Content-Type", "text/plain;charset=UTF-8")], body: Array(body.utf8)), port: port(site))
    }

    func port(_ site: String) throws -> Int {
        guard let port = ports[site] else { throw Failure(description: "\(site) is not served: \(ports)") }
        return port
    }

    /// Fetches `target` until `accept` holds (at most `timeout` seconds); returns the last reply.
    func poll(_ site: String, _ target: String, timeout: Double = 5, until accept: (HTTPReply) -> Bool) throws -> HTTPReply {
        let deadline = Date().addingTimeInterval(timeout)
        var reply = try get(site, target)
        while !accept(reply), Date() < deadline {
            usleep(25_000)
            reply = try get(site, target)
        }
        return reply
    }

    /// Waits (at most `timeout` seconds) until the output contains `text`.
    func waitForOutput(containing text: String, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stdout.contains(text) || stderr.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    var isRunning: Bool { process.isRunning }

    private static func ports(in output: String) -> [String: Int] {
        var ports: [String: Int] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("serving ") {
            let words = line.split(separator: " ")
            guard words.count >= 4, let range = words[3].range(of: "http://127.0.0.1:") else { continue }
            ports[String(words[1])] = Int(words[3][range.upperBound...].prefix { $0.isNumber })
        }
        return ports
    }
}
