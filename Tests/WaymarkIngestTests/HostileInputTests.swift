import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// Accepted requests carrying hostile text: whatever reaches the log is reduced, escaped, one line.
@Suite struct HostileInputTests {
    @Test func hostileReferrersAndUserAgentsNeverBreakALine() throws {
        let fixture = try IngestFixture()
        let refs = [
            "https://evil.example/\\\"},{\\\"v\\\":1,\\\"token\\\":\\\"FAKE\\\"}",
            "https://a.example/\\n{\\\"v\\\":1}\\r\\n",
            "https://b.example/\\u2028\\u2029\\u0000\\u007f",
            "javascript:alert(1)",
            "https://user:pw@xn--bcher-kva.example:8443/path",
            "https://[2001:db8::1]/x",
            "https://bad host.example/",
            "https://🦊.example/",
        ]
        for ref in refs {
            let body = "{\"site\":\"hollowcreek\",\"token\":\"88X0WK\",\"ref\":\"\(ref)\"}"
            let reply = try fixture.server.post("/b", body: body, headers: [("Origin", IngestFixture.hollowcreekOrigin)])
            #expect(reply.status == 204, "\(ref)")
        }
        // obs-text bytes in a header and quotes in the user agent.
        let userAgent: [UInt8] = Array("Mozilla/5.0 (\"};\\ ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" iPhone)".utf8)
        let raw = Array("GET /t/88X0WK HTTP/1.1\r\nHost: hc.example\r\nReferer: https://x.example/\"\r\nUser-Agent: ".utf8) + userAgent + Array("\r\nConnection: close\r\n\r\n".utf8)
        #expect(try fixture.server.send(raw).status == 302)

        let log = Array(fixture.rawLog().utf8)
        let contents = ScanLogReader.parse(log)
        #expect(contents.events.count == refs.count + 1)
        #expect(contents.malformedLines == 0 && !contents.truncatedFinalLine)
        #expect(log.filter { $0 == 0x0A }.count == refs.count + 1)
        #expect(!log.contains { $0 < 0x20 && $0 != 0x0A }, "no raw control characters")
        #expect(Set(contents.events.compactMap(\.ref)) == ["evil.example", "a.example", "b.example", "xn--bcher-kva.example", "[2001:db8::1]", "x.example"])
        #expect(!contents.events.contains { $0.token.rawValue == "FAKE" })
    }
}
