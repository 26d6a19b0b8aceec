import Testing
import WaymarkCore
@testable import WaymarkSite

/// Reading a rendered page back for the link check, with its Markdown bodies left unparsed.
struct PageLinksTests {
    let body = PageLinks.KnownFragment(html: "<h2 id=\"history\">History</h2>\n<p><a href=\"/trails/x/\">x</a></p>\n", ids: ["history"])

    func page(_ body: String) -> String {
        "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body id=\"top\">"
            + "<main><div class=\"prose\">\(body)</div><a href=\"/trails/\">Trails</a></main></body></html>"
    }

    @Test func aSkippedBodyGivesItsKnownIdsAndTheRestIsParsed() {
        let links = PageLinks(html: page(body.html), skipping: [body])
        #expect(links.ids == ["history", "top"])
        // The body's link is a content link, checked from the Markdown: only the template's remain.
        #expect(links.urls == ["/assets/style.css", "/trails/"])
    }

    @Test func skippingGivesTheSameIdsAsParsingTheWholePage() {
        #expect(PageLinks(html: page(body.html), skipping: [body]).ids == PageLinks(html: page(body.html)).ids)
    }

    @Test func aBodyThePageDoesNotHoldVerbatimIsParsedWithTheRest() {
        // A template that escapes the body shows its markup as text: no element, no link.
        let escaped = page(body.html.htmlEscaped)
        let links = PageLinks(html: escaped, skipping: [body])
        #expect(links == PageLinks(html: escaped))
        #expect(!links.ids.contains("history"))
    }
}
