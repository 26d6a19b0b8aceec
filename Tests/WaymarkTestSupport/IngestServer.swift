import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `waymark-ingest` process on 127.0.0.1, for integration tests, with a tiny raw-socket
/// HTTP/1.1 client: raw so that tests can send exactly the malformed bytes they mean to.
public final class IngestServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The binary built beside the test bundle (`swift build --build-tests` builds it).
    public static var binaryPath: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("waymark-ingest").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return WaymarkBinary.repository + "/.build/debug/waymark-ingest"
    }

    public let port: Int
    public let logs: String
    public let manifest: String
    /// Where the server's stderr goes.
    public let stderrPath: String
    private let process: Process

    /// Starts the server on a free port and waits (at most 15 s) until it listens.
    /// - Parameter fileSizeLimit: a `ulimit -f` in 512-byte blocks, to fake a full disk.
    /// - Parameter openFilesLimit: a `ulimit -n`, to reach the connection cap with few connections.
    public init(manifest: String, logs: String, arguments: [String] = [], environment: [String: String] = [:],
                fileSizeLimit: Int? = nil, openFilesLimit: Int? = nil) throws {
        self.logs = logs
        self.manifest = manifest
        let folder = try WaymarkBinary.temporaryFolder()
        stderrPath = folder + "/stderr.log"
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let all = ["--manifest", manifest, "--logs", logs, "--listen", "127.0.0.1:0"] + arguments
        let process = Process()
        let limits = (fileSizeLimit.map { ["ulimit -f \($0)"] } ?? []) + (openFilesLimit.map { ["ulimit -n \($0)"] } ?? [])
        if !limits.isEmpty {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", (limits + ["exec \"$0\" \"$@\""]).joined(separator: " && "), Self.binaryPath] + all
        } else {
            process.executableURL = URL(fileURLWithPath: Self.binaryPath)
            process.arguments = all
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        guard FileManager.default.isExecutableFile(atPath: Self.binaryPath) else {
            throw Failure(description: "waymark-ingest is not built at \(Self.binaryPath): run swift build --build-tests")
        }
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(15)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            if let range = text.range(of: "msg=listening address=127.0.0.1:") {
                found = Int(text[range.upperBound...].prefix(while: \.isNumber))
            } else {
                usleep(20_000)
            }
        }
        guard let found else {
            Self.killAndReap(process)
            let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            throw Failure(description: "waymark-ingest did not start: \(text)")
        }
        port = found
    }

    deinit { Self.killAndReap(process) }

    /// SIGKILL (children of a test runner inherit a signal mask that may block SIGTERM) and wait
    /// by polling: `Process.waitUntilExit` spins a run loop on Linux.
    public static func killAndReap(_ process: Process, timeout: TimeInterval = 10) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
    }

    public var isRunning: Bool { process.isRunning }
    public var processIdentifier: Int32 { process.processIdentifier }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// SIGTERM, then waits at most `timeout` seconds; returns the exit status (nil: still running, killed).
    @discardableResult
    public func stop(timeout: TimeInterval = 15) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        signal(SIGTERM)
        return waitForExit(timeout: timeout)
    }

    /// SIGKILL, as a crash would.
    public func crash() {
        signal(SIGKILL)
        _ = waitForExit(timeout: 10)
    }

    private func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            Self.killAndReap(process)
            return nil
        }
        return process.terminationStatus
    }

    /// Waits (at most `timeout` seconds) until stderr contains `text`.
    public func waitForStderr(containing text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    // MARK: HTTP

    public func get(_ target: String, headers: [(String, String)] = []) throws -> HTTPReply {
        try send(HTTPReply.request("GET", target, headers: headers))
    }

    public func post(_ target: String, body: String, headers: [(String, String)] = []) throws -> HTTPReply {
        try send(HTTPReply.request("POST", target, headers: headers + [("Content-Type", "text/plain;charset=UTF-8")], body: Array(body.utf8)))
    }

    /// Sends `bytes` on a new connection and reads one response (5 s timeout).
    public func send(_ bytes: [UInt8]) throws -> HTTPReply {
        try HTTPReply.exchange(bytes, port: port)
    }
}

/// One HTTP response, as read off the socket.
public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: String

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// A request with `Connection: close`; `Host` defaults to 127.0.0.1 unless given.
    public static func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { text += "Host: 127.0.0.1\r\n" }
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.count)\r\n" }
        text += "Connection: close\r\n\r\n"
        return Array(text.utf8) + body
    }

    /// Connects to 127.0.0.1:`port`, writes `bytes`, reads until the response is complete or EOF.
    public static func exchange(_ bytes: [UInt8], port: Int, timeout: Int = 5) throws -> HTTPReply {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may answer and close before reading everything (e.g. an oversize request).
            if written <= 0 { break }
            offset += written
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[0..<count]
            if let reply = parse(received), reply.complete { return reply.reply }
        }
        guard let reply = parse(received) else {
            throw IngestServer.Failure(description: "no HTTP response (\(received.count) bytes received)")
        }
        return reply.reply
    }

    /// Sends `bytes` on a new connection and returns everything received until the server closes
    /// it (or `timeout` seconds pass without a byte).
    public static func exchangeUntilClosed(_ bytes: [UInt8], port: Int, timeout: Int = 5) throws -> [UInt8] {
        let connection = try RawConnection(port: port, timeout: timeout)
        connection.send(bytes)
        return connection.receiveUntilClosed()
    }

    /// Consecutive responses in `bytes` (a pipelined exchange); 1xx and 204 responses have no body.
    public static func parseAll(_ bytes: [UInt8]) -> [HTTPReply] {
        var replies: [HTTPReply] = []
        var rest = bytes[...]
        while let (reply, complete) = parse(Array(rest)), complete {
            replies.append(reply)
            let separator: [UInt8] = [13, 10, 13, 10]
            let end = rest.indices.dropLast(3).first { rest[$0..<$0 + 4].elementsEqual(separator) }!
            rest = rest[(end + 4 + reply.body.utf8.count)...]
        }
        return replies
    }

    /// Binds port 0 on loopback and returns the number the kernel chose (then frees it).
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0 else { throw IngestServer.Failure(description: "bind failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    static func connect(port: Int, timeout: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard result == 0 else {
            close(socket)
            throw IngestServer.Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return socket
    }

    private static func parse(_ bytes: [UInt8]) -> (reply: HTTPReply, complete: Bool)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.dropLast(3).first(where: { bytes[$0..<$0 + 4].elementsEqual(separator) }) else { return nil }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = Array(bytes[(end + 4)...])
        let length = status < 200 || status == 204 ? 0 : headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        return (HTTPReply(status: status, headers: headers, body: String(decoding: body.prefix(length), as: UTF8.self)), body.count >= length)
    }
}

/// A client socket held open across several sends, for tests of connection behaviour.
public final class RawConnection {
    private let socket: Int32

    public init(port: Int, timeout: Int = 5) throws {
        socket = try HTTPReply.connect(port: port, timeout: timeout)
    }

    deinit { close(socket) }

    public func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads whatever arrives until `done` accepts it, the server closes, or the timeout passes.
    public func receive(until done: ([UInt8]) -> Bool) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !done(received) {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        return received
    }

    public func receiveUntilClosed() -> [UInt8] { receive { _ in false } }

    /// Whether the server has closed the connection (a read returns end of file) within the timeout.
    public var isClosedByServer: Bool {
        var byte: UInt8 = 0
        return recv(socket, &byte, 1, 0) == 0
    }
}
