import Foundation
import Testing
import WaymarkTestSupport

/// SIGHUP reloads the manifest; a broken one is refused and the previous one keeps serving.
@Suite struct ManifestReloadTests {
    @Test func sighupReloadsAndABadManifestKeepsTheOldOne() throws {
        let fixture = try IngestFixture()
        #expect(try fixture.scan("N3WT0K").status == 404)

        try IngestFixture.manifest(extraToken: "N3WT0K").encoded().write(to: URL(fileURLWithPath: fixture.server.manifest))
        fixture.server.signal(SIGHUP)
        #expect(fixture.server.waitForStderr(containing: "msg=\"manifest reloaded\" tokens=5"))
        #expect(try fixture.scan("N3WT0K").status == 302)

        try "{\"version\": 1, \"sites\": ".write(toFile: fixture.server.manifest, atomically: true, encoding: .utf8)
        fixture.server.signal(SIGHUP)
        #expect(fixture.server.waitForStderr(containing: "manifest reload failed; keeping the previous one"))
        #expect(fixture.server.stderr.contains("manifest.json: invalid manifest"))
        #expect(try fixture.scan("N3WT0K").status == 302, "the previous manifest still serves")
        let health = try fixture.server.get("/healthz")
        #expect(health.status == 503)
        #expect(health.body.contains("\"code\":\"manifest_unreadable\""))
        let metrics = try fixture.server.get("/metrics").body
        #expect(metrics.contains("waymark_ingest_manifest_reloads_total{result=\"ok\"} 1\n"))
        #expect(metrics.contains("waymark_ingest_manifest_reloads_total{result=\"failed\"} 1\n"))

        try IngestFixture.manifest().encoded().write(to: URL(fileURLWithPath: fixture.server.manifest))
        fixture.server.signal(SIGHUP)
        #expect(fixture.server.waitForStderr(containing: "msg=\"manifest reloaded\" tokens=4"))
        #expect(try fixture.server.get("/healthz").status == 200)
        #expect(try fixture.scan("N3WT0K").status == 404)
        #expect(fixture.events().count == 2)
    }
}
