import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// Each route against the real binary: what it answers and what it writes.
@Suite struct RouteTests {
    @Test func scanRedirectsAndLogsOneEvent() throws {
        let fixture = try IngestFixture()
        let reply = try fixture.scan("88X0WK", headers: [("Referer", "https://www.google.com/search?q=weir")])
        #expect(reply.status == 302)
        #expect(reply.header("Location") == "https://trails.hollowcreek.example/trails/mill/weir/")
        #expect(reply.header("Cache-Control") == "no-store")
        // The base_url host works too, and tokens are read case-insensitively with an optional slash.
        #expect(try fixture.scan("7kq2mx/", host: "trails.hollowcreek.example").status == 302)
        #expect(try fixture.server.get("/t/13TVGJFY9W", headers: [("Host", "pets.pawprint.example:443")]).status == 302)

        let events = fixture.events().sorted { $0.id < $1.id }
        try #require(events.count == 3)
        let first = events[0]
        #expect(first.kind == .scan && first.site.rawValue == "hollowcreek" && first.token.rawValue == "88X0WK")
        #expect(first.ua == UserAgentSummary(device: .mobile, os: "ios", browser: "safari"))
        #expect(first.ref == "www.google.com")
        #expect(first.cc == nil)
        #expect(first.ih.count == 16)
        #expect(abs(first.ts.milliseconds - UTCTimestamp.now().milliseconds) < 60_000)
        #expect(events[1].token.rawValue == "7KQ2MX")
        #expect(events[2].site.rawValue == "pawprint")
        #expect(!fixture.rawLog().contains("127.0.0.1"), "the raw address is never written")
    }

    @Test func headRedirectsWithoutCountingAScan() throws {
        let fixture = try IngestFixture()
        let reply = try fixture.server.send(HTTPReply.request("HEAD", "/t/88X0WK", headers: [("Host", "hc.example")]))
        #expect(reply.status == 302)
        #expect(fixture.events().isEmpty)
    }

    @Test func beaconByPostAndByGetLogOneEventEach() throws {
        let fixture = try IngestFixture()
        let post = try fixture.beacon(token: "88X0WK", ref: "https://l.instagram.com/?u=x")
        #expect(post.status == 204)
        #expect(post.header("Access-Control-Allow-Origin") == IngestFixture.hollowcreekOrigin)
        #expect(post.header("Vary") == "Origin")
        let get = try fixture.server.get("/b?site=hollowcreek&token=7KQ2MX&ref=https%3A%2F%2Fduckduckgo.com%2F",
                                         headers: [("Referer", IngestFixture.hollowcreekOrigin + "/t/7KQ2MX/"), ("User-Agent", IngestFixture.iPhone)])
        #expect(get.status == 204)
        let events = fixture.events().sorted { $0.id < $1.id }
        try #require(events.count == 2)
        #expect(events.map(\.kind) == [.beacon, .beacon])
        #expect(events.map(\.token.rawValue) == ["88X0WK", "7KQ2MX"])
        #expect(events.map(\.ref) == ["l.instagram.com", "duckduckgo.com"])
    }

    @Test func preflightAllowsOnlyTheSitesOrigins() throws {
        let fixture = try IngestFixture()
        let allowed = try fixture.server.send(HTTPReply.request("OPTIONS", "/b", headers: [
            ("Origin", IngestFixture.pawprintOrigin), ("Access-Control-Request-Method", "POST"),
        ]))
        #expect(allowed.status == 204)
        #expect(allowed.header("Access-Control-Allow-Origin") == IngestFixture.pawprintOrigin)
        #expect(allowed.header("Access-Control-Allow-Methods") == "POST, GET")
        let refused = try fixture.server.send(HTTPReply.request("OPTIONS", "/b", headers: [("Origin", "https://evil.example")]))
        #expect(refused.status == 403)
        #expect(refused.header("Access-Control-Allow-Origin") == nil)
        #expect(fixture.events().isEmpty)
    }

    @Test func retiredTokenGetsAGonePage() throws {
        let fixture = try IngestFixture()
        let reply = try fixture.scan("R3T1RD")
        #expect(reply.status == 410)
        #expect(reply.body.contains("no longer active"))
        #expect(reply.body.contains("https://trails.hollowcreek.example/retired/"))
        #expect(fixture.events().isEmpty)
    }

    @Test func healthzAndMetrics() throws {
        let fixture = try IngestFixture()
        let health = try fixture.server.get("/healthz")
        #expect(health.status == 200)
        #expect(health.body == "{\"status\":\"ok\"}\n")
        _ = try fixture.scan("88X0WK")
        _ = try fixture.beacon(token: "88X0WK")
        _ = try fixture.scan("ZZZZZZ")
        let metrics = try fixture.server.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        for line in [
            "waymark_ingest_events_written_total{kind=\"scan\"} 1",
            "waymark_ingest_events_written_total{kind=\"beacon\"} 1",
            "waymark_ingest_rejected_total{reason=\"unknown_token\"} 1",
            "waymark_ingest_log_lines_written_total 2",
            "waymark_ingest_manifest_tokens 4",
            "waymark_ingest_degraded 0",
        ] {
            #expect(metrics.body.contains(line + "\n"), "\(line)")
        }
        #expect(metrics.body.contains("waymark_ingest_fsync_seconds_count"))
        #expect(metrics.body.contains("waymark_ingest_log_bytes_written_total"))
    }

    @Test func countryAndClientAddressComeFromTrustedHeadersOnly() throws {
        let fixture = try IngestFixture(["--country-header", "CF-IPCountry", "--client-ip-header", "X-Real-IP"])
        _ = try fixture.scan("88X0WK", headers: [("CF-IPCountry", "de"), ("X-Real-IP", "203.0.113.7")])
        _ = try fixture.scan("88X0WK", headers: [("CF-IPCountry", "Germany\"}"), ("X-Real-IP", "203.0.113.7")])
        _ = try fixture.scan("88X0WK", headers: [("X-Real-IP", "198.51.100.1")])
        let events = fixture.events().sorted { $0.id < $1.id }
        try #require(events.count == 3)
        #expect(events.map(\.cc) == ["DE", nil, nil])
        #expect(events[0].ih == events[1].ih)
        #expect(events[0].ih != events[2].ih)
    }
}
