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

        // Not in id order: each event loop mints ids with its own random part, so two scans in
        // the same millisecond on different loops sort either way (ULIDs order by millisecond only).
        let events = fixture.events()
        try #require(events.count == 3)
        #expect(Set(events.map { "\($0.kind.rawValue) \($0.site.rawValue) \($0.token.rawValue)" }) == ["scan hollowcreek 88X0WK", "scan hollowcreek 7KQ2MX", "scan pawprint 13TVGJFY9W"])
        let first = try #require(events.first { $0.token.rawValue == "88X0WK" })
        #expect(first.ua == UserAgentSummary(device: .mobile, os: "ios", browser: "safari"))
        #expect(first.ref == "www.google.com")
        #expect(first.cc == nil)
        #expect(first.ih.count == 16)
        #expect(abs(first.ts.milliseconds - UTCTimestamp.now().milliseconds) < 60_000)
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
        // By token, not by id: ids order events of different event loops only by millisecond.
        let events = fixture.events()
        try #require(events.count == 2)
        #expect(events.map(\.kind) == [.beacon, .beacon])
        let refs = Dictionary(events.map { ($0.token.rawValue, $0.ref) }, uniquingKeysWith: { first, _ in first })
        #expect(refs == ["88X0WK": "l.instagram.com", "7KQ2MX": "duckduckgo.com"])
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
        // Grouped by client hash, not ordered by id (ids order event loops only by millisecond):
        // the two scans from 203.0.113.7 share one, and only the well-formed country is kept.
        let byClient = Dictionary(grouping: fixture.events(), by: \.ih)
        try #require(byClient.values.map(\.count).sorted() == [1, 2])
        let sameAddress = try #require(byClient.values.first { $0.count == 2 })
        let other = try #require(byClient.values.first { $0.count == 1 })
        #expect(sameAddress.map { $0.cc ?? "-" }.sorted() == ["-", "DE"])
        #expect(other[0].cc == nil)
    }
}
