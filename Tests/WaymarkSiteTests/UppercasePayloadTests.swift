import Testing
import WaymarkCore
@testable import WaymarkSite

/// `qr: {uppercase: true}` prints payloads in upper case (QR alphanumeric mode) and publishes the
/// redirect pages under /T/ as well, so the printed form resolves on a case-sensitive static host.
@Suite struct UppercasePayloadTests {
    let trail = "---\ntitle: River\nsummary: Along it.\n---\n"

    @Test func payloadsAndPagesUseUpperCase() throws {
        let result = try Fixtures.render([
            "content/acme/site.yml": "id: acme\ntitle: Acme\nbase_url: https://acme.example\nshort_url: https://ac.example\nhost: netlify\nqr:\n  uppercase: true\n",
            "content/acme/trails/river/index.md": trail,
            "content/acme/trails/river/01-bridge.md": Fixtures.stop("Bridge", token: "7KQ2MX"),
        ])
        #expect(result.manifest.tokens["7KQ2MX"]?.payload == "HTTPS://AC.EXAMPLE/T/7KQ2MX")
        let site = try #require(result.rendered[SiteID("acme")!])
        #expect(site.site["T/7KQ2MX/index.html"] == site.site["t/7KQ2MX/index.html"])
        #expect(site.site["_redirects"]?.contains("/T/7KQ2MX /t/7KQ2MX/index.html 200") == false)
        #expect(site.site["_redirects"]?.contains("/T/7KQ2MX /trails/river/bridge/ 302") == true)
    }

    @Test func aPayloadHostWithAPathIsRefused() throws {
        #expect(Fixtures.diagnostics(root: "/p", files: .memory([
            "/p/content/acme/site.yml": "id: acme\ntitle: Acme\nbase_url: https://acme.example/walks\nqr:\n  uppercase: true\n",
        ])) == [
            "content/acme/site.yml:5:3: error: 'uppercase' needs a payload URL without a path: paths are case-sensitive (set 'short_url' to a bare host)",
        ])
    }
}
