import Testing
import WaymarkCore
@testable import WaymarkSite

/// The `cards:` section of site.yml: read, checked, and reported at its line.
@Suite struct PrintSettingsTests {
    func check(_ cards: String) -> (sites: [Site], diagnostics: [String]) {
        let files = ContentFiles.memory(["/p/content/acme/site.yml": Fixtures.siteYAML + "\ncards:\n" + cards])
        let loaded = ContentLoader(root: "/p", files: files).load()
        return (loaded.sites, loaded.diagnostics.map(\.description))
    }

    @Test func readsEverySetting() throws {
        let result = check("""
          size: 88.9x50.8
          passport_size: a7
          bleed: 2
          safe_margin: 3.5
          qr_size: 25
          sheet: avery-c32011
          offset: [0.5, -1.25]
          font: DejaVu Serif
        """)
        #expect(result.diagnostics.isEmpty)
        let cards = try #require(result.sites.first?.config.cards)
        #expect(cards.cardSize == CardSettings.Size(width: 88.9, height: 50.8) && cards.passportSize == CardSettings.Size(width: 74, height: 105))
        #expect(cards.bleed == 2 && cards.safeMargin == 3.5 && cards.qrSize == 25 && cards.sheet == .averyC32011)
        #expect(cards.offset == (0.5, -1.25) && cards.font == "DejaVu Serif")
    }

    @Test func defaultsWithoutTheSection() throws {
        let site = try #require(ContentLoader(root: "/p", files: .memory(["/p/content/acme/site.yml": Fixtures.siteYAML])).load().sites.first)
        #expect(site.config.cards.cardSize == .businessCard && site.config.cards.passportSize == .a6)
        #expect(site.config.cards.bleed == 3 && site.config.cards.qrSize == 22 && site.config.cards.sheet == .single)
    }

    @Test func smallCodesNeedConsent() {
        #expect(check("  qr_size: 15\n").diagnostics == [
            "content/acme/site.yml:8:12: error: 'qr_size' is 15 mm; codes under 20 mm scan poorly: make it larger, or set 'allow_small_qr: true' if you have tested it",
        ])
        #expect(check("  qr_size: 15\n  allow_small_qr: true\n").diagnostics.isEmpty)
    }

    @Test func badValuesAndTyposAreReportedWhereTheyAre() {
        #expect(check("  size: huge\n  sheet: a3\n  offset: 1\n  bleeed: 2\n").diagnostics == [
            "content/acme/site.yml:8:9: error: 'size' must be WIDTHxHEIGHT in millimetres (e.g. 85x55) or one of a5, a6, a7, business-card, us-business-card, found 'huge'",
            "content/acme/site.yml:9:10: error: 'sheet' must be one of single, a4, letter, avery-5371, avery-c32011, found 'a3'",
            "content/acme/site.yml:10:11: error: 'offset' must be two numbers of millimetres (right, down) between -20 and 20, such as [0.5, -1]",
            "content/acme/site.yml:11:3: warning: unknown key 'bleeed'; did you mean 'bleed'?",
        ])
    }
}
