import Foundation
import Testing
import WaymarkTestSupport

/// How the server treats a connection: pipelining, keep-alive, interim responses, slow and
/// surplus clients.
@Suite struct ConnectionTests {
    static func request(_ method: String, _ target: String, headers: [(String, String)], body: String = "", close: Bool) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if method == "POST" { text += "Content-Length: \(body.utf8.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        return Array((text + "\r\n" + body).utf8)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let fixture = try IngestFixture()
        let beacon = "{\"site\":\"hollowcreek\",\"token\":\"7KQ2MX\"}"
        let bytes = Self.request("GET", "/t/88X0WK", headers: [("Host", "hc.example")], close: false)
            + Self.request("GET", "/t/ZZZZZZ", headers: [("Host", "hc.example")], close: false)
            + Self.request("POST", "/b", headers: [("Host", "scan.hollowcreek.example"), ("Origin", IngestFixture.hollowcreekOrigin)], body: beacon, close: false)
            + Self.request("GET", "/healthz", headers: [("Host", "x")], close: true)
        let replies = HTTPReply.parseAll(try HTTPReply.exchangeUntilClosed(bytes, port: fixture.server.port))
        #expect(replies.map(\.status) == [302, 404, 204, 200])
        #expect(replies[0].header("location") == "https://trails.hollowcreek.example/trails/mill/weir/")
        #expect(replies[3].header("connection") == "close")
        #expect(Set(fixture.events().map(\.token.rawValue)) == ["88X0WK", "7KQ2MX"])
    }

    @Test func http10KeepsTheConnectionOnlyWhenAsked() throws {
        let fixture = try IngestFixture()
        let first = Array("GET /t/88X0WK HTTP/1.0\r\nHost: hc.example\r\nConnection: keep-alive\r\n\r\n".utf8)
        let second = Array("GET /t/7KQ2MX HTTP/1.0\r\nHost: hc.example\r\n\r\n".utf8)
        let replies = HTTPReply.parseAll(try HTTPReply.exchangeUntilClosed(first + second + first, port: fixture.server.port))
        // The second request does not ask to keep the connection: the third is never read.
        #expect(replies.map(\.status) == [302, 302])
        #expect(replies[0].header("connection") == "keep-alive")
        #expect(replies[1].header("connection") == "close")
        #expect(fixture.events().count == 2)
    }

    @Test func expectContinueGetsAGoAheadBeforeTheBody() throws {
        let fixture = try IngestFixture()
        let body = "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\"}"
        let connection = try RawConnection(port: fixture.server.port)
        connection.send(Array("POST /b HTTP/1.1\r\nHost: x\r\nOrigin: \(IngestFixture.hollowcreekOrigin)\r\nContent-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n".utf8))
        let interim = connection.receive { $0.count >= 25 }
        #expect(String(decoding: interim, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
        connection.send(Array(body.utf8))
        let replies = HTTPReply.parseAll(connection.receive { HTTPReply.parseAll($0).count == 1 })
        #expect(replies.map(\.status) == [204])
        #expect(fixture.events().count == 1)
    }

    @Test func aRequestThatNeverCompletesTimesOut() throws {
        let fixture = try IngestFixture()
        let connection = try RawConnection(port: fixture.server.port, timeout: 30)
        connection.send(Array("GET /t/88X0WK HTTP/1.1\r\nHost: hc.exa".utf8))
        let started = Date()
        let replies = HTTPReply.parseAll(connection.receiveUntilClosed())
        #expect(replies.map(\.status) == [408])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(try fixture.server.get("/metrics").body.contains("waymark_ingest_rejected_total{reason=\"request_timeout\"} 1\n"))
        #expect(fixture.rawLog().isEmpty)
    }

    @Test func connectionsBeyondTheCapAreClosedAndCounted() throws {
        // ulimit -n 80 leaves room for 16 connections (the cap keeps 64 descriptors for the server).
        let fixture = try IngestFixture(openFilesLimit: 80)
        var held = try (0..<16).map { _ in try RawConnection(port: fixture.server.port) }
        usleep(200_000)  // let the server accept them all
        let surplus = try RawConnection(port: fixture.server.port)
        #expect(surplus.isClosedByServer)
        // The held connections still work.
        held[0].send(ConnectionTests.request("GET", "/t/88X0WK", headers: [("Host", "hc.example")], close: true))
        #expect(HTTPReply.parseAll(held[0].receiveUntilClosed()).map(\.status) == [302])
        held.removeAll()  // closing them frees the slots again
        usleep(200_000)
        let metrics = try fixture.server.get("/metrics").body
        #expect(metrics.contains("waymark_ingest_rejected_total{reason=\"too_many_connections\"} 1\n"), "\(metrics)")
    }
}
