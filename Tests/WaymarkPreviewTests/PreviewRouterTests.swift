import NIOHTTP1
import Testing
import WaymarkCore
@testable import WaymarkPreview

/// The router answers as the static host would, in-process, without a socket.
struct PreviewRouterTests {
    static let acme = SiteID("acme")!

    static func site(prefix: String = "") -> PreviewSite {
        PreviewSite(id: acme, pathPrefix: prefix, files: [
            "index.html": "<html><body><h1>Home</h1></body></html>",
            "about/index.html": "<html><body>About</body></html>",
            "404.html": "<html><body>Page not found</body></html>",
            "t/7KQ2MX/index.html": "<html><body>redirect page</body></html>",
            "assets/style.css": "body{}",
            "sitemap.xml": "<urlset/>",
            "_redirects": "/t/7KQ2MX /t/7KQ2MX/index.html 200",
        ], rules: RedirectRules(text: "\(prefix)/t/7KQ2MX \(prefix)/t/7KQ2MX/index.html 200\n\(prefix)/t/88X0WK \(prefix)/about/ 302\n"))
    }

    static func router(_ site: PreviewSite = site(), overlay: ErrorOverlay? = nil) -> PreviewRouter {
        PreviewRouter(site: acme, snapshot: PreviewSnapshot(sites: [acme: site], overlay: overlay, versions: [acme: "v7"]))
    }

    func get(_ target: String, _ router: PreviewRouter = router()) -> (status: Int, body: String, headers: HTTPHeaders) {
        let response = router.respond(method: .GET, target: target)
        return (Int(response.status.code), String(decoding: response.body, as: UTF8.self), response.headers)
    }

    @Test func servesFilesWithTheirTypesAndFolderIndexes() {
        #expect(get("/").body.contains("<h1>Home</h1>"))
        #expect(get("/").headers["content-type"] == ["text/html; charset=utf-8"])
        #expect(get("/about/?x=1").body.contains("About"))
        #expect(get("/assets/style.css").headers["content-type"] == ["text/css; charset=utf-8"])
        #expect(get("/sitemap.xml").headers["content-type"] == ["application/xml; charset=utf-8"])
        #expect(get("/assets/style.css").headers["cache-control"] == ["no-store"])
    }

    @Test func addsTheLiveReloadScriptToPagesOnly() {
        let page = get("/").body
        #expect(page.contains("<h1>Home</h1><script data-waymark-live-reload>"))
        #expect(page.contains("var v=\"v7\""))
        #expect(page.hasSuffix("</script>\n</body></html>"))
        #expect(get("/assets/style.css").body == "body{}")
    }

    @Test func redirectsAFolderWithoutItsSlash() {
        let reply = get("/about?x=1")
        #expect(reply.status == 302)
        #expect(reply.headers["location"] == ["/about/?x=1"])
    }

    @Test func appliesRedirectRules() {
        let rewrite = get("/t/7KQ2MX")
        #expect(rewrite.status == 200)
        #expect(rewrite.body.contains("redirect page"))
        let redirect = get("/t/88X0WK")
        #expect(redirect.status == 302)
        #expect(redirect.headers["location"] == ["/about/"])
    }

    @Test func answersUnknownPathsWithTheSites404Page() {
        let reply = get("/no/such/page")
        #expect(reply.status == 404)
        #expect(reply.body.contains("Page not found"))
        #expect(get("/_redirects").status == 404, "a host's config files are never served")
        #expect(get("/../etc/passwd").status == 400)
    }

    @Test func servesASiteBelowItsBasePath() {
        let router = Self.router(Self.site(prefix: "/trails"))
        #expect(get("/", router).headers["location"] == ["/trails/"])
        #expect(get("/trails/", router).body.contains("Home"))
        #expect(get("/trails/about/", router).body.contains("About"))
        #expect(get("/trails/t/7KQ2MX", router).body.contains("redirect page"))
        #expect(get("/about/", router).status == 404)
    }

    @Test func showsTheErrorPageForPagesButStillServesAssets() {
        let overlay = ErrorOverlay(diagnostics: [.error("bad <thing>", at: .init(path: "content/acme/site.yml", line: 4, column: 8))]) { _ in "a\nb\nc\ntitle: [x\n" }
        let router = Self.router(overlay: overlay)
        for path in ["/", "/about/", "/t/7KQ2MX", "/no/such"] {
            let reply = get(path, router)
            #expect(reply.status == 500)
            #expect(reply.body.contains("content/acme/site.yml:4:8"))
            #expect(reply.body.contains("bad &lt;thing&gt;"))
            #expect(reply.body.contains("title: [x"))
            #expect(reply.body.contains("data-waymark-live-reload"))
        }
        #expect(get("/assets/style.css", router).status == 200)
    }

    @Test func refusesOtherMethods() {
        #expect(Self.router().respond(method: .POST, target: "/").status == .methodNotAllowed)
        #expect(Self.router().respond(method: .HEAD, target: "/").status == .ok)
    }
}
