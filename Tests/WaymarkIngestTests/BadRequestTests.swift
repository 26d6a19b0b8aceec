import Foundation
import Testing
import WaymarkTestSupport

/// Every way a request can be wrong: its status, its reason in /metrics, and no log line.
@Suite struct BadRequestTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var status: Int
        var reason: String

        var description: String { name }

        init(_ name: String, _ status: Int, _ reason: String, _ bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
            self.status = status
            self.reason = reason
        }

        init(_ name: String, _ status: Int, _ reason: String, _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil) {
            self.init(name, status, reason, HTTPReply.request(method, target, headers: headers, body: Array((body ?? "").utf8)))
        }

        static func beacon(_ name: String, _ status: Int, _ reason: String, body: String, origin: String? = IngestFixture.hollowcreekOrigin) -> Case {
            Case(name, status, reason, "POST", "/b", headers: origin.map { [("Origin", $0)] } ?? [], body: body)
        }
    }

    static let hc = [("Host", "hc.example")]
    static let origin = [("Origin", IngestFixture.hollowcreekOrigin)]

    static let cases: [Case] = [
        Case("unknown token", 404, "unknown_token", "GET", "/t/ZZZZZZ", headers: hc),
        Case("token of another site", 404, "wrong_site", "GET", "/t/13TVGJFY9W", headers: hc),
        Case("token with forbidden letters", 404, "unknown_token", "GET", "/t/88X0WI", headers: hc),
        Case("over-long token", 404, "unknown_token", "GET", "/t/" + String(repeating: "A", count: 40), headers: hc),
        Case("empty token", 404, "unknown_token", "GET", "/t/", headers: hc),
        Case("retired token", 410, "retired_token", "GET", "/t/R3T1RD", headers: hc),
        Case("unknown host", 404, "unknown_host", "GET", "/t/88X0WK", headers: [("Host", "evil.example")]),
        Case("host with odd port", 404, "unknown_host", "GET", "/t/88X0WK", headers: [("Host", "hc.example:8443")]),
        Case("missing host", 400, "bad_host", Array("GET /t/88X0WK HTTP/1.0\r\n\r\n".utf8)),
        Case("two host headers", 400, "bad_host", "GET", "/t/88X0WK", headers: hc + hc),
        Case("host with a space", 400, "bad_host", "GET", "/t/88X0WK", headers: [("Host", "hc .example")]),
        Case("POST to a token", 405, "method_not_allowed", "POST", "/t/88X0WK", headers: hc, body: "x"),
        Case("DELETE beacon", 405, "method_not_allowed", "DELETE", "/b", headers: origin),
        Case("POST healthz", 405, "method_not_allowed", "POST", "/healthz", body: ""),
        Case("unknown path", 404, "not_found", "GET", "/wp-admin/setup.php"),
        Case("path traversal", 404, "unknown_token", "GET", "/t/../../etc/passwd", headers: hc),
        Case("malformed percent escape", 400, "bad_encoding", "GET", "/t/88X0W%ZZ", headers: hc),
        Case("truncated percent escape", 400, "bad_encoding", "GET", "/t/88X0W%4", headers: hc),
        Case("encoded NUL", 400, "bad_encoding", "GET", "/t/88X0WK%00", headers: hc),
        Case("encoded newline", 400, "bad_encoding", "GET", "/t/88X0WK%0A%7B%7D", headers: hc),
        Case("encoded invalid UTF-8", 400, "bad_encoding", "GET", "/t/%C3%28", headers: hc),
        Case("absolute-form target", 400, "malformed_request", "GET", "http://hc.example/t/88X0WK", headers: hc),
        Case("garbage instead of HTTP", 400, "malformed_request", Array("\u{16}\u{03}\u{01}hello\r\n\r\n".utf8)),
        Case("invalid header name", 400, "malformed_request", Array("GET /t/88X0WK HTTP/1.1\r\nHo st: hc.example\r\n\r\n".utf8)),
        Case("control byte in header value", 400, "malformed_request", Array("GET /t/88X0WK HTTP/1.1\r\nHost: hc.example\r\nUser-Agent: a\u{1}b\r\n\r\n".utf8)),
        Case("chunked body", 411, "length_required", Array("POST /b HTTP/1.1\r\nHost: x\r\nOrigin: \(IngestFixture.hollowcreekOrigin)\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n".utf8)),
        Case("two different content lengths", 400, "malformed_request", Array("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}".utf8)),
        Case("signed content length", 400, "malformed_request", Array("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}".utf8)),
        Case("folded header line", 400, "malformed_request", Array("GET /t/88X0WK HTTP/1.1\r\nHost: hc.example\r\nUser-Agent: a\r\n b\r\n\r\n".utf8)),
        Case("space before a colon", 400, "malformed_request", Array("GET /t/88X0WK HTTP/1.1\r\nHost : hc.example\r\n\r\n".utf8)),
        Case("unknown HTTP version", 400, "malformed_request", Array("GET /t/88X0WK HTTP/2.0\r\nHost: hc.example\r\n\r\n".utf8)),
        Case("raw byte above ASCII in the target", 400, "malformed_request", Array("GET /t/88X0WK".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: hc.example\r\n\r\n".utf8)),
        Case("request target too long", 414, "uri_too_long", "GET", "/t/88X0WK?" + String(repeating: "a", count: 3000), headers: hc),
        Case("headers too large", 431, "headers_too_large", "GET", "/t/88X0WK", headers: hc + [("X-Padding", String(repeating: "p", count: 9000))]),
        Case("too many headers", 431, "headers_too_large", "GET", "/t/88X0WK", headers: hc + (0..<80).map { ("X-H\($0)", "v") }),
        Case.beacon("body too large", 413, "body_too_large", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"ref\":\"" + String(repeating: "r", count: 5000) + "\"}"),
        Case.beacon("beacon without origin or referer", 403, "missing_origin", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\"}", origin: nil),
        Case.beacon("beacon from a foreign origin", 403, "bad_origin", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\"}", origin: "https://evil.example"),
        Case.beacon("beacon from the other site's origin", 403, "site_mismatch", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\"}", origin: IngestFixture.pawprintOrigin),
        Case.beacon("beacon naming the other site", 403, "site_mismatch", body: "{\"site\":\"pawprint\",\"token\":\"13TVGJFY9W\"}"),
        Case.beacon("beacon for another site's token", 404, "wrong_site", body: "{\"site\":\"hollowcreek\",\"token\":\"13TVGJFY9W\"}"),
        Case.beacon("beacon for an unknown token", 404, "unknown_token", body: "{\"site\":\"hollowcreek\",\"token\":\"ZZZZZZ\"}"),
        Case.beacon("beacon for a retired token", 410, "retired_token", body: "{\"site\":\"hollowcreek\",\"token\":\"R3T1RD\"}"),
        Case.beacon("beacon that is not JSON", 400, "bad_body", body: "site=hollowcreek&token=88X0WK"),
        Case.beacon("beacon with truncated JSON", 400, "bad_body", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0"),
        Case.beacon("beacon with a nested object", 400, "bad_body", body: "{\"site\":\"hollowcreek\",\"token\":{\"$ne\":null}}"),
        Case.beacon("beacon with duplicate members", 400, "bad_body", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"token\":\"7KQ2MX\"}"),
        Case.beacon("beacon with a raw newline in a string", 400, "bad_body", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"ref\":\"a\nb\"}"),
        Case.beacon("beacon with a lone surrogate escape", 400, "bad_body", body: "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"ref\":\"\\ud800\"}"),
        Case.beacon("beacon with an invalid site id", 400, "bad_body", body: "{\"site\":\"Hollow\\\"Creek\",\"token\":\"88X0WK\"}"),
        Case.beacon("beacon with a token full of control characters", 404, "unknown_token", body: "{\"site\":\"hollowcreek\",\"token\":\"88X\\u0000\\n0WK\"}"),
        Case.beacon("beacon with a numeric token", 400, "bad_body", body: "{\"site\":\"hollowcreek\",\"token\":880}"),
        Case.beacon("beacon missing the token", 400, "bad_body", body: "{\"site\":\"hollowcreek\"}"),
        Case.beacon("empty beacon", 400, "bad_body", body: ""),
        Case("beacon with invalid UTF-8", 400, "bad_body", HTTPReply.request("POST", "/b", headers: origin,
             body: Array("{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"ref\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))),
        Case("image beacon without token", 400, "bad_query", "GET", "/b?site=hollowcreek", headers: [("Referer", IngestFixture.hollowcreekOrigin + "/")]),
        Case("image beacon with repeated token", 400, "bad_query", "GET", "/b?site=hollowcreek&token=88X0WK&token=7KQ2MX", headers: [("Referer", IngestFixture.hollowcreekOrigin + "/")]),
        Case("image beacon with a malformed escape", 400, "bad_encoding", "GET", "/b?site=hollowcreek&token=88X0WK&ref=%E2%28", headers: [("Referer", IngestFixture.hollowcreekOrigin + "/")]),
        Case("image beacon from a foreign referer", 403, "bad_origin", "GET", "/b?site=hollowcreek&token=88X0WK", headers: [("Referer", "https://evil.example/t/88X0WK/")]),
    ]

    @Test func tableHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
    }

    /// One server for the whole table (starting one per case would dominate the test time).
    @Test func eachBadRequestIsRefusedCountedAndNotLogged() throws {
        let fixture = try IngestFixture()
        var expected: [String: Int] = [:]
        for badCase in Self.cases {
            let reply = try fixture.server.send(badCase.bytes)
            #expect(reply.status == badCase.status, "\(badCase.name): got \(reply.status) \(reply.body)")
            #expect(fixture.rawLog().isEmpty, "\(badCase.name) wrote a log line")
            expected[badCase.reason, default: 0] += 1
            let metrics = try fixture.server.get("/metrics").body
            #expect(metrics.contains("waymark_ingest_rejected_total{reason=\"\(badCase.reason)\"} \(expected[badCase.reason]!)\n"),
                    "\(badCase.name): reason \(badCase.reason) not counted")
        }
        #expect(fixture.server.isRunning)
        // The server still works after all that.
        #expect(try fixture.scan("88X0WK").status == 302)
        #expect(fixture.events().count == 1)
    }

    @Test func aHugeBodyIsCutOffWithoutALogLine() throws {
        let fixture = try IngestFixture()
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        let bytes = Array("POST /b HTTP/1.1\r\nHost: x\r\nOrigin: \(IngestFixture.hollowcreekOrigin)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        _ = try? fixture.server.send(bytes)  // the server hangs up; whether a status arrives is up to TCP
        #expect(fixture.rawLog().isEmpty)
        #expect(try fixture.server.get("/metrics").body.contains("waymark_ingest_rejected_total{reason=\"body_too_large\"} 1\n"))
    }
}
