import Testing
import WaymarkCore
@testable import WaymarkSite

/// A pet page shows only what the owner made public; health notes never leave the content folder.
@Suite struct PetPrivacyTests {
    func build(public fields: String) throws -> SiteBuilder.Result {
        try Fixtures.render([
            "content/acme/site.yml": Fixtures.siteYAML,
            "content/acme/pets/rex.md": """
            ---
            name: Rex
            species: dog
            token: 4XKQ9T2MPA
            microchip: "826097100234567"
            owner:
              name: Owner Name
              phone: "+44 7700 900123"
              email: owner@example.org
              public: \(fields)
            health_notes: HEART-MURMUR-PRIVATE
            ---
            Good dog.
            """,
        ])
    }

    @Test func healthNotesAndPrivateContactNeverAppearInAnyPublishedFile() throws {
        let result = try build(public: "[phone]")
        let site = try #require(result.rendered[SiteID("acme")!])
        for (path, bytes) in site.site.files.merging(site.server.files, uniquingKeysWith: { a, _ in a }) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("HEART-MURMUR-PRIVATE"), "health notes leaked into \(path)")
            #expect(!text.contains("owner@example.org"), "private email leaked into \(path)")
            #expect(!text.contains("Owner Name"), "private name leaked into \(path)")
            #expect(!text.contains("826097100234567"), "microchip number leaked into \(path)")
        }
        #expect(site.site["pets/rex/index.html"]?.contains("+44 7700 900123") == true)
    }

    @Test func petPagesAreNoindexAndUnlisted() throws {
        let site = try #require(try build(public: "[email]").rendered[SiteID("acme")!])
        #expect(site.site["pets/rex/index.html"]?.contains("<meta name=\"robots\" content=\"noindex, nofollow\">") == true)
        #expect(site.site["sitemap.xml"]?.contains("pets") == false)
        #expect(site.site["index.html"]?.contains("pets/rex") == false)
    }
}
