import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// Templates escape `{{value}}` with Waymark's byte-level escaper (a pragma put before each
/// template's text): the same five entities as swift-mustache's own, and template errors still
/// name the template's own line.
@Suite struct TemplateEscapingTests {
    @Test func theFiveCharactersBecomeEntitiesAndOtherTextIsLeftAsIs() {
        #expect("plain text, ünïcødé 🐕".htmlEscaped == "plain text, ünïcødé 🐕")
        #expect(#"<a href="x">Tom & Jerry's</a>"#.htmlEscaped == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        // A combining mark after '<' makes one Character with it; the byte is escaped all the same.
        #expect("<\u{301}script>".htmlEscaped == "&lt;\u{301}script&gt;")
    }

    @Test func variablesAreEscapedAndTripleMustachesAreNot() throws {
        let files = ContentFiles.memory(["templates/robots.txt.mustache": "A {{sitemap_url}}\nB {{{sitemap_url}}}\n"])
        let templates = try TemplateSet(overridesIn: "templates", files: files)
        let text = templates.render("robots.txt", ["sitemap_url": "x<y & 'z'"])
        #expect(text == "A x&lt;y &amp; &#39;z&#39;\nB x<y & 'z'\n", "the pragma line leaves no trace in the output")
    }

    @Test func aTemplateErrorNamesTheTemplatesOwnLine() throws {
        // A section closed that was never opened, on the template's second line.
        let files = ContentFiles.memory(["templates/robots.txt.mustache": "line one\nline two {{/closed}}\nline three\n"])
        #expect {
            _ = try TemplateSet(overridesIn: "templates", files: files)
        } throws: { error in
            guard let diagnostic = (error as? DiagnosticsError)?.diagnostics.first else { return false }
            return diagnostic.location.path == "templates/robots.txt.mustache" && diagnostic.location.line == 2
        }
    }
}
