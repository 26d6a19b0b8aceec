import Foundation
import Testing
import WaymarkTestSupport

/// Per-client rate limit: 429 past the burst, counted, never logged; health checks are exempt.
@Suite struct RateLimitTests {
    @Test func aFloodFromOneClientGets429() throws {
        let fixture = try IngestFixture(["--rate", "5/s"])
        var statuses: [Int] = []
        for _ in 0..<30 { statuses.append(try fixture.scan("88X0WK").status) }
        let accepted = statuses.filter { $0 == 302 }.count, limited = statuses.filter { $0 == 429 }.count
        #expect(accepted + limited == 30)
        #expect((10...16).contains(accepted), "a burst of 2 s at 5/s, plus what refills meanwhile: \(accepted)")
        #expect(fixture.events().count == accepted)
        #expect(try fixture.server.get("/healthz").status == 200)
        #expect(try fixture.server.get("/metrics").body.contains("waymark_ingest_rejected_total{reason=\"rate_limited\"} \(limited)\n"))
    }
}
