import Testing
import WaymarkCore
@testable import WaymarkSite

/// Card text comes from templates: the line format, its escaping, and what each kind carries.
@Suite struct PrintTemplateTests {
    @Test func valuesWithNewlinesAndBarsStayOneBlock() throws {
        let value = "line one\nline | two \\ three"
        let text = try CardText.parse("title: \(CardText.escape(value))\nrow: a \\| b | \(CardText.escape(value))\nfield: Breed | \n", template: "t")
        #expect(text.pages == [[.title(value), .row(["a | b", value])]])
    }

    @Test func pagesAndUnknownRoles() throws {
        #expect(try CardText.parse("page:\ntext: a\npage:\npage:\ntext: b\n", template: "t").pages == [[.text("a")], [.text("b")]])
        #expect(throws: DiagnosticsError.self) { try CardText.parse("titel: x", template: "templates/card-stop.mustache") }
        do {
            _ = try CardText.parse("titel: x", template: "templates/card-stop.mustache")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("templates/card-stop.mustache:1:1: error: unknown card role 'titel' on line 1 of the rendered card; did you mean 'title'?") == true)
        }
    }

    static let project: [String: String] = [
        "content/acme/site.yml": Fixtures.siteYAML,
        "content/acme/trails/river/index.md": "---\ntitle: River Walk\nsummary: Along the river.\n---\nBody.\n",
        "content/acme/trails/river/01-bridge.md": Fixtures.stop("Old Bridge", token: "7KQ2MX", extra: "prompt: Count the arches.\n"),
        "content/acme/pets/rex.md": """
        ---
        name: Müller
        species: dog
        token: 4XKQ9T2MPA
        owner:
          name: Owner Name
          phone: "+44 7700 900123"
          email: owner@example.org
          public: [phone]
        health_notes: HEART-MURMUR-PRIVATE
        ---
        Good dog.
        """,
    ]

    func builder() throws -> (CardFaceBuilder, Site) {
        let files = ContentFiles.memory(Dictionary(uniqueKeysWithValues: Self.project.map { ("/p/\($0.key)", $0.value) }))
        let site = try #require(ContentLoader(root: "/p", files: files).load().sites.first)
        let templates = try TemplateSet(overridesIn: nil)
        let payloads = [Token("7KQ2MX")!: "https://ac.example/t/7KQ2MX/", Token("4XKQ9T2MPA")!: "https://ac.example/t/4XKQ9T2MPA/"]
        return (CardFaceBuilder(site: site, templates: templates, payloads: payloads, today: Fixtures.today), site)
    }

    @Test func stopCardCarriesTrailNumberTitlePromptCodeAndShortURL() throws {
        let (builder, site) = try builder()
        let faces = try builder.stopCards(site.trails[0])
        #expect(faces.map(\.blocks) == [[.band("River Walk"), .title("1 · Old Bridge"), .text("Count the arches."), .code(caption: "ac.example/t/7KQ2MX/")]])
        #expect(faces[0].payload == "https://ac.example/t/7KQ2MX/")
    }

    @Test func petTagShowsOnlyPublicContactAndPassportAloneHasHealthNotes() throws {
        let (builder, site) = try builder()
        let tag = try builder.petTags(site.pets)
        #expect(tag[0].blocks.contains(.strong("☎ +44 7700 900123")) && tag[0].blocks.contains(.text("Scan me if I'm lost")))
        let tagText = "\(tag)"
        for secret in ["HEART-MURMUR-PRIVATE", "owner@example.org", "Owner Name"] { #expect(!tagText.contains(secret)) }
        let passport = try builder.passport(site.pets[0])
        #expect(passport.count == 3)
        #expect(passport[2].blocks.contains(.text("HEART-MURMUR-PRIVATE")))
        #expect(passport[0].blocks.contains(.field(label: "Email", value: "owner@example.org")), "the owner's own document")
    }

    @Test func healthNotesAreInNoOutputButThePassport() throws {
        let files = ContentFiles.memory(Dictionary(uniqueKeysWithValues: Self.project.map { ("/p/\($0.key)", $0.value) }))
        let result = try CardPrinter(options: .init(root: "/p", environment: ["SOURCE_DATE_EPOCH": "1795000000"], files: files)).make()
        #expect(result.files.map(\.path) == [
            "_print/acme/passport-rex-single.pdf", "_print/acme/passport-rex-single.png",
            "_print/acme/pet-tags-single.html", "_print/acme/pet-tags-single.pdf", "_print/acme/pet-tags-single.png",
            "_print/acme/stops-river-single.html", "_print/acme/stops-river-single.pdf", "_print/acme/stops-river-single.png",
        ])
        for (path, bytes) in result.contents where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("HEART-MURMUR-PRIVATE") && !html.contains("owner@example.org"), "\(path)")
        }
        #expect(String(decoding: result.contents["_print/acme/pet-tags-single.html"]!, as: UTF8.self).contains("Müller"))
    }
}
