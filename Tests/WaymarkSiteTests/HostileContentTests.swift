import Foundation
import Testing
import WaymarkCore
import WaymarkNative
@testable import WaymarkSite

/// Content is data, not code: whatever a content file says, no script reaches a published page.
@Suite struct HostileContentTests {
    static let payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"

    func published(_ files: [String: String]) throws -> [String: String] {
        let result = try Fixtures.render(files)
        return try #require(result.rendered[SiteID("acme")!]).site.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Every page and file the site publishes, without the one script Waymark itself writes.
    func scripts(in files: [String: String]) -> [String] {
        files.flatMap { path, text in
            text.components(separatedBy: "<script>").dropFirst().compactMap { rest -> String? in
                let script = rest.components(separatedBy: "</script>")[0]
                return script.hasPrefix("(function(){var d=document.documentElement.dataset") ? nil : "\(path): \(script)"
            }
        }
    }

    @Test func injectionInEveryFrontMatterFieldIsEscaped() throws {
        let p = Self.payload.replacingOccurrences(of: "\"", with: "\\\"")
        let files = try published([
            "content/acme/site.yml": Fixtures.siteYAML.replacingOccurrences(of: "title: Acme Trails", with: "title: \"\(p)\"\ndescription: \"\(p)\""),
            "content/acme/trails/river/index.md": "---\ntitle: \"\(p)\"\nsummary: \"\(p)\"\nregion: \"\(p)\"\n---\nBody\n",
            "content/acme/trails/river/01-bridge.md": "---\ntitle: \"\(p)\"\ntoken: 7KQ2MX\nlat: 1\nlon: 1\nsummary: \"\(p)\"\nprompt: \"\(p)\"\n---\nBody\n",
            "content/acme/pets/rex.md": """
            ---
            name: "\(p)"
            name_latin: "\(p)"
            species: "\(p)"
            breed: "\(p)"
            colour: "\(p)"
            token: 4XKQ9T2MPA
            lost: true
            lost_area: "\(p)"
            owner:
              name: "\(p)"
              phone: "\(p)"
              public: [name, phone]
            vaccinations:
              - name: "\(p)"
                vet: "\(p)"
            allergies: ["\(p)"]
            medications: ["\(p)"]
            ---
            Body
            """,
            "content/acme/pages/about.md": "---\ntitle: \"\(p)\"\nsummary: \"\(p)\"\n---\nBody\n",
        ])
        #expect(scripts(in: files).isEmpty)
        for (path, text) in files where path.hasSuffix(".html") {
            let page = try #require(HTMLDocument(text))
            #expect(page.strings("//img[@src='x']").isEmpty, "\(path) carries an unescaped tag")
            #expect(page.strings("//@*[starts-with(name(), 'on')]").isEmpty, "\(path) carries an event handler")
        }
        #expect(files["pets/rex/index.html"]?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
    }

    @Test func markdownCannotCarryScriptsOrJavaScriptLinks() throws {
        let files = try published([
            "content/acme/site.yml": Fixtures.siteYAML,
            "content/acme/pages/about.md": """
            ---
            title: About
            ---
            <script>alert(1)</script>

            [click](javascript:alert(1)) [also](JaVaScRiPt:alert(2)) [data](data:text/html,<script>alert(3)</script>)

            <img src="x" onerror="alert(4)">
            """,
        ])
        let page = try #require(files["about/index.html"])
        #expect(scripts(in: files).isEmpty)
        #expect(!page.lowercased().contains("javascript:"))
        #expect(!page.contains("data:text/html"))
        #expect(!page.contains("onerror"))
    }

    @Test func optedInRawHTMLIsSanitisedWithLibxml2() throws {
        let files = try published([
            "content/acme/site.yml": Fixtures.siteYAML + "\nraw_html: true\n",
            "content/acme/pages/about.md": """
            ---
            title: About
            ---
            <div class="note" onclick="alert(1)" style="background:url(javascript:alert(2))">Kept <b>bold</b></div>

            <a href=" j&#x61;vascript:alert(3)">sneaky</a> <a href="/walks/about/">fine</a>

            <iframe src="https://evil.example"></iframe><svg onload="alert(5)"></svg>

            <img src="data:image/svg+xml,<svg onload=alert(6)>" alt="x">
            """,
        ])
        let page = try #require(files["about/index.html"])
        #expect(page.contains("<div class=\"note\">Kept <b>bold</b>"))
        #expect(page.contains("<a href=\"/walks/about/\">fine</a>"))
        #expect(page.contains("<a>sneaky</a>"))
        for bad in ["onclick", "javascript", "<iframe", "<svg", "onload", "data:image", "style="] {
            #expect(!page.lowercased().contains(bad), "\(bad) survived")
        }
    }
}
