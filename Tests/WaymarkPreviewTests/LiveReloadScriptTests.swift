import Testing
@testable import WaymarkPreview

/// The live-reload script goes in the right place, and the beacon goes to the preview.
struct LiveReloadScriptTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReloadScript.inject(into: Array(html.utf8), version: "v1"), as: UTF8.self)
    }

    @Test func goesBeforeTheLastClosingBodyTag() {
        let page = inject("<body><p>&lt;/body&gt;</p></BODY>\n</html>")
        #expect(page.hasPrefix("<body><p>&lt;/body&gt;</p><script data-waymark-live-reload>"))
        #expect(page.hasSuffix("</script>\n</BODY>\n</html>"))
    }

    @Test func goesAtTheEndOfAFragment() {
        #expect(inject("<p>hi</p>").hasPrefix("<p>hi</p><script data-waymark-live-reload>"))
    }

    @Test func streamMessagesCarryTheVersion() {
        #expect(LiveReloadScript.message(version: "abc-3") == "event: version\ndata: abc-3\n\n")
    }

    @Test func redirectPagesBeaconToThePreview() {
        let html = #"<html lang="en" data-site="acme" data-token="7KQ2MX" data-beacon="https://scan.example/b?x=1&amp;y=2">"#
        let rewritten = String(decoding: PreviewSite.sendingBeaconToPreview(Array(html.utf8)), as: UTF8.self)
        #expect(rewritten == #"<html lang="en" data-site="acme" data-token="7KQ2MX" data-beacon="/__waymark/beacon">"#)
        #expect(PreviewSite.sendingBeaconToPreview(Array("<p>no beacon</p>".utf8)) == Array("<p>no beacon</p>".utf8))
    }
}
