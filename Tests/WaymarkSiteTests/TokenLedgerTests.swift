import Testing
import WaymarkCore
@testable import WaymarkSite

/// The ledger keeps printed codes permanent: new tokens are recorded, moved items keep theirs,
/// and a token whose item is gone is retired with a notice page instead of being freed.
@Suite struct TokenLedgerTests {
    let trail = "---\ntitle: River\nsummary: Along it.\n---\n"

    @Test func firstBuildRecordsEveryToken() throws {
        let result = try Fixtures.render([
            "content/acme/site.yml": Fixtures.siteYAML,
            "content/acme/trails/river/index.md": trail,
            "content/acme/trails/river/01-bridge.md": Fixtures.stop("Bridge", token: "7KQ2MX"),
        ])
        #expect(result.updatedLedgers == ["content/acme/tokens.yml"])
        let ledger = try #require(result.ledgerTexts[SiteID("acme")!])
        #expect(ledger.contains("""
        7KQ2MX:
          kind: stop
          status: active
          source: "trails/river/01-bridge.md"
          title: "Bridge"
        """))
    }

    @Test func aMovedItemKeepsItsTokenAndTheLedgerFollows() throws {
        let result = try Fixtures.render([
            "content/acme/site.yml": Fixtures.siteYAML,
            "content/acme/tokens.yml": "7KQ2MX:\n  kind: stop\n  source: trails/old/01-bridge.md\n  title: Bridge\n",
            "content/acme/trails/river/index.md": trail,
            "content/acme/trails/river/01-old-bridge.md": Fixtures.stop("Bridge", token: "7KQ2MX"),
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(result.ledgerTexts[SiteID("acme")!]?.contains("source: \"trails/river/01-old-bridge.md\"") == true)
        #expect(result.manifest.tokens["7KQ2MX"]?.target == "https://acme.example/walks/trails/river/old-bridge/")
    }

    @Test func aDeletedItemsTokenIsRetiredWithANoticePage() throws {
        let result = try Fixtures.render([
            "content/acme/site.yml": Fixtures.siteYAML,
            "content/acme/tokens.yml": "7KQ2MX:\n  kind: stop\n  source: trails/river/01-bridge.md\n  title: Bridge\n",
            "content/acme/trails/river/index.md": trail,
            "content/acme/trails/river/01-mill.md": Fixtures.stop("Mill", token: "8YNY3Z"),
        ])
        #expect(result.diagnostics.map(\.description) == [
            "content/acme/tokens.yml:2:3: warning: token 7KQ2MX ('Bridge') no longer points at any content; it is retired and its page now says so",
        ])
        #expect(result.ledgerTexts[SiteID("acme")!]?.contains("7KQ2MX:\n  kind: stop\n  status: retired") == true)
        let entry = try #require(result.manifest.tokens["7KQ2MX"])
        #expect(entry.status == .retired)
        #expect(entry.target == "https://acme.example/walks/t/7KQ2MX/")
        let page = try #require(result.rendered[SiteID("acme")!]?.site["t/7KQ2MX/index.html"])
        #expect(page.contains("This code is no longer active"))
        #expect(page.contains("“Bridge”"))
    }

    @Test func anUnchangedLedgerIsNotRewritten() throws {
        let result = try Fixtures.render([
            "content/acme/site.yml": Fixtures.siteYAML,
            "content/acme/tokens.yml": "7KQ2MX:\n  kind: stop\n  status: active\n  source: trails/river/01-bridge.md\n  title: Bridge\n",
            "content/acme/trails/river/index.md": trail,
            "content/acme/trails/river/01-bridge.md": Fixtures.stop("Bridge", token: "7KQ2MX"),
        ])
        #expect(result.updatedLedgers.isEmpty)
    }
}
