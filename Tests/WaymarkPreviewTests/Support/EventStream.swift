import Foundation
import WaymarkTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A live-reload subscriber as a browser tab is one: an open `GET /__waymark/events`, read raw.
final class EventStream {
    private let socket: Int32
    private var received = ""
    /// The `data:` of every `version` event so far, in order.
    private(set) var versions: [String] = []

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        // Short reads, so `next` can keep to its deadline.
        var time = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw ServeProcess.Failure(description: "cannot connect to the event stream on \(port)")
        }
        let request = Array("GET /__waymark/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    deinit { close(socket) }

    /// The response head, once read.
    var head: String { received.components(separatedBy: "\r\n\r\n").first ?? "" }

    /// Waits (at most `timeout` seconds) for one more version than seen so far; nil if none came.
    func next(timeout: Double = 5) -> String? {
        let wanted = versions.count + 1
        let deadline = Date().addingTimeInterval(timeout)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while versions.count < wanted, Date() < deadline {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { continue }
            received += String(decoding: chunk[0..<count], as: UTF8.self)
            // Only whole events (ended by a blank line); each is written as one chunk, so its lines
            // are not split by chunk sizes.
            let complete = received.range(of: "\n\n", options: .backwards).map { String(received[..<$0.lowerBound]) } ?? ""
            versions = complete.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
        }
        return versions.count >= wanted ? versions[wanted - 1] : nil
    }
}
