@testable import WaymarkSite
import Testing
import WaymarkCore

/// Which links written in content the link check reports, and why: against a site's files (as a
/// static host finds them) and the ids of its pages.
@Suite struct LinkCheckTests {
    /// A site below `/walks`: a home page, a trail with a stop (ids `start`, `café`), a PDF.
    static func check(prefix: String = "/walks") -> LinkCheck {
        var site = OutputTree()
        site.add("index.html", "<h1 id=\"top\">Home</h1>")
        site.add("trails/river/index.html", "<p>River</p>")
        site.add("trails/river/mill/index.html", "<h2 id=\"start\">Start</h2><h2 id=\"café\">Café</h2>")
        site.add("files/map.pdf", "%PDF")
        site.add("über/index.html", "<p>Über</p>")
        return LinkCheck(site: site, prefix: prefix)
    }

    static func problems(_ urls: [String], on page: String = "/trails/river/", prefix: String = "/walks") -> [String] {
        let links = urls.map { ContentLink(page: page, url: $0, location: SourceLocation(path: "content/x.md", line: 1, column: 1)) }
        return check(prefix: prefix).diagnostics(for: links).map(\.message)
    }

    @Test func linksThatResolveAreNotReported() {
        #expect(Self.problems([
            "/walks/", "/walks/trails/river/mill/", "/walks/trails/river/mill", "mill/", "./mill/", "../river/mill/#start",
            "mill/#start", "/walks/trails/river/mill/?from=home#start", "/walks/files/map.pdf", "/walks/%C3%BCber/",
            "mill/#caf%C3%A9", "#", "?q=1", "/walks/trails/river/mill/#",
            "mailto:rangers@example.org", "tel:+441234", "https://example.org/x:y", "HTTPS://EXAMPLE.ORG/", "//cdn.example/x",
        ]) == [])
    }

    @Test func eachBrokenLinkSaysWhatIsMissing() {
        #expect(Self.problems(["/walks/trails/river/weir/"]) == ["broken link '/walks/trails/river/weir/': there is no page /trails/river/weir/ in this site"])
        #expect(Self.problems(["/trails/river/"]) == ["link '/trails/river/' leaves the site (its pages are under /walks/)"])
        #expect(Self.problems(["mill/#end"]) == ["broken link 'mill/#end': /trails/river/mill/ has no element with id 'end'"])
        #expect(Self.problems(["mill/?a=b#end"]) == ["broken link 'mill/?a=b#end': /trails/river/mill/ has no element with id 'end'"])
        #expect(Self.problems(["../weir:2/"]) == ["broken link '../weir:2/': there is no page /trails/weir:2/ in this site"])
        #expect(Self.problems([""]) == ["link has no target"])
        #expect(Self.problems(["#top"], on: "/") == [])
        #expect(Self.problems(["#bottom"], on: "/") == ["broken link '#bottom': / has no element with id 'bottom'"])
    }

    @Test func aSiteAtTheRootOfItsHostTakesAbsoluteLinksAsTheyAre() {
        #expect(Self.problems(["/trails/river/mill/#café", "/files/map.pdf"], prefix: "") == [])
        #expect(Self.problems(["/files/other.pdf"], prefix: "") == ["broken link '/files/other.pdf': there is no page /files/other.pdf in this site"])
    }

    @Test func externalLinksAreToldApartInAnyCase() {
        for url in ["http://a.example/", "HTTP://A.EXAMPLE/", "Https://a.example/", "//a.example/"] {
            #expect(ContentLink(page: "/", url: url, location: SourceLocation(path: "x")).isExternal, "\(url)")
        }
        for url in ["/http://", "httpx://a", "mailto:a@b", "htt", "", "ftp://a.example/"] {
            #expect(!ContentLink(page: "/", url: url, location: SourceLocation(path: "x")).isExternal, "\(url)")
        }
    }

    @Test func brokenTemplateLinksAreReportedByPageThenURLOnce() {
        var site = OutputTree()
        site.add("index.html", #"<a href="/z/">z</a><a href="/b/">b</a><a href="/a/">a</a><a href="/a/">again</a>"#)
        site.add("trails/index.html", #"<a href="/">home</a><a href="/y/">y</a>"#)
        site.add("about/index.html", #"<link href="/c.css" rel="stylesheet"><img src="/ok.png">"#)
        site.add("ok.png", "png")
        let reported = LinkCheck(site: site, prefix: "").diagnosticsForTemplateLinks(excluding: [], site: "acme")
        #expect(reported.map { "\($0.location.path) \($0.message.prefix { $0 != ":" })" } == [
            "site/acme/about/index.html broken link '/c.css'",
            "site/acme/index.html broken link '/a/'", "site/acme/index.html broken link '/b/'", "site/acme/index.html broken link '/z/'",
            "site/acme/trails/index.html broken link '/y/'",
        ])
        // One written in content is reported at its line instead.
        let content = ContentLink(page: "/", url: "/b/", location: SourceLocation(path: "content/acme/pages/x.md", line: 2, column: 3))
        #expect(LinkCheck(site: site, prefix: "").diagnosticsForTemplateLinks(excluding: [content], site: "acme").count == 4)
    }
}
