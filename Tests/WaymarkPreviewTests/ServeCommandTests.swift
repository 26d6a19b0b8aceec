import Foundation
import Testing
import WaymarkTestSupport

/// The real `waymark serve` against a copy of the example project, over loopback HTTP.
@Suite(.serialized) struct ServeCommandTests {
    static let about = "content/hollowcreek/pages/about.md"

    func edit(_ root: String, _ path: String, atomically: Bool = false, _ change: (String) -> String) throws {
        let file = "\(root)/\(path)"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit changed nothing")
        try changed.write(toFile: file, atomically: atomically, encoding: .utf8)
    }

    func settingTitle(_ title: String) -> (String) -> String {
        { text in text.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: \(title)", options: .regularExpression) }
    }

    @Test func rebuildsOnSaveReloadsTabsShowsErrorsAndRecovers() throws {
        let root = try WaymarkBinary.exampleProject()
        let server = try ServeProcess(root: root)
        let first = try server.get("hollowcreek", "/about/")
        #expect(first.status == 200)
        #expect(first.header("content-type") == "text/html; charset=utf-8")
        #expect(first.body.contains("<h1>About Hollow Creek Trails</h1>"))
        #expect(first.body.contains("data-waymark-live-reload"))
        let stream = try EventStream(port: server.port("hollowcreek"))
        let initial = try #require(stream.next(), "no first event on the live-reload stream")
        #expect(stream.head.contains("text/event-stream"))

        // An edit is served within seconds, and the open tab is told to reload.
        let saved = Date()
        try edit(root, Self.about, settingTitle("About the Trust"))
        let changed = try #require(stream.next(timeout: 5), "the live-reload stream did not signal the edit")
        let signalled = Date().timeIntervalSince(saved)
        #expect(changed != initial)
        let edited = try server.poll("hollowcreek", "/about/") { $0.body.contains("<h1>About the Trust</h1>") }
        #expect(edited.body.contains("<h1>About the Trust</h1>"))
        #expect(edited.body.contains("var v=\"\(changed)\""), "the page carries the version the stream announced")
        print("serve: edit to reload signal in \(Int(signalled * 1000)) ms")

        // A broken file: the terminal shows the diagnostic; every page shows the error page.
        try edit(root, Self.about, atomically: true, settingTitle("[unclosed"))
        #expect(stream.next(timeout: 5) != nil, "the stream did not signal the failed build")
        let overlay = try server.poll("hollowcreek", "/about/") { $0.status == 500 }
        #expect(overlay.status == 500)
        #expect(server.waitForOutput(containing: "1 error"))
        let diagnostic = try #require(server.stderr.firstMatch(of: /content\/hollowcreek\/pages\/about\.md:(\d+):(\d+): error: ([^\n]+)/))
        let (line, column) = (String(diagnostic.output.1), String(diagnostic.output.2))
        #expect(overlay.body.contains("content/hollowcreek/pages/about.md:\(line):\(column)"))
        #expect(overlay.body.contains(#"data-file="content/hollowcreek/pages/about.md" data-line="\#(line)" data-column="\#(column)""#))
        #expect(overlay.body.contains("invalid YAML"))
        let source = try String(contentsOfFile: "\(root)/\(Self.about)", encoding: .utf8).components(separatedBy: "\n")
        let quoted = source[Int(line)! - 1].replacingOccurrences(of: "'", with: "&#39;")
        #expect(overlay.body.contains("\(line) |</span> \(quoted)\n"), "the source line is quoted")
        #expect(try server.get("hollowcreek", "/").status == 500, "every page shows the errors")
        #expect(try server.get("pawprint", "/").status == 500)
        let css = try #require(first.body.firstMatch(of: /href="(\/assets\/style\.[0-9a-f]+\.css)"/)).output.1
        #expect(try server.get("hollowcreek", String(css)).status == 200, "assets of the last good build are still served")

        // The fix brings the site back without a restart.
        try edit(root, Self.about, settingTitle("About the Valley Trust"))
        #expect(stream.next(timeout: 5) != nil, "the stream did not signal the recovery")
        let recovered = try server.poll("hollowcreek", "/about/") { $0.status == 200 }
        #expect(recovered.body.contains("<h1>About the Valley Trust</h1>"))
        #expect(try server.get("pawprint", "/").status == 200)
        #expect(server.isRunning)
        #expect(!FileManager.default.fileExists(atPath: root + "/site"), "serve never writes site/")
    }

    @Test func servesAsTheHostWouldWithTokensAndLocalBeacons() throws {
        let root = try WaymarkBinary.exampleProject()
        // Without beacon_url a token is a plain 302 rule (pawprint is on a generic host: its rules
        // live in site/_server/, and the preview applies them all the same).
        try edit(root, "content/pawprint/site.yml") { $0.replacingOccurrences(of: #"(?m)^beacon_url: .*\n"#, with: "", options: .regularExpression) }
        let server = try ServeProcess(root: root)

        let page = try server.get("hollowcreek", "/t/88X0WK")
        #expect(page.status == 200, "netlify rewrites /t/TOKEN to its redirect page (one hop)")
        #expect(page.body.contains(#"<meta http-equiv="refresh" content="0; url=/trails/millrace-heritage-walk/old-mill-wheel/">"#))
        #expect(page.body.contains(#"data-beacon="/__waymark/beacon""#))
        #expect(!page.body.contains("scan.hollowcreek.example"), "the preview never beacons to the real endpoint")
        #expect(try server.get("hollowcreek", "/t/88X0WK/").status == 200)

        let redirect = try server.get("pawprint", "/t/13TVGJFY9W")
        #expect(redirect.status == 302)
        #expect(redirect.header("location") == "/pets/otis/")
        #expect(try server.get("pawprint", "/pets/otis/").body.contains("Otis"))

        let beacon = try server.post("hollowcreek", "/__waymark/beacon", body: #"{"site":"hollowcreek","token":"88X0WK","ref":null}"#)
        #expect(beacon.status == 204)
        #expect(server.waitForOutput(containing: "beacon: hollowcreek token 88X0WK (preview: not sent to https://scan.hollowcreek.example/b)"))

        let missing = try server.get("hollowcreek", "/no/such/page/")
        #expect(missing.status == 404)
        let notFoundPage = try String(contentsOfFile: "\(try built(root))/hollowcreek/404.html", encoding: .utf8)
        let withoutScript = missing.body.replacingOccurrences(of: #"<script data-waymark-live-reload>.*?</script>\n"#, with: "", options: .regularExpression)
        #expect(withoutScript == notFoundPage, "the site's own 404.html, plus the live-reload script")

        let folder = try server.get("hollowcreek", "/trails")
        #expect(folder.status == 302)
        #expect(folder.header("location") == "/trails/")
        #expect(try server.get("hollowcreek", "/sitemap.xml").header("content-type") == "application/xml; charset=utf-8")
        #expect(try server.get("hollowcreek", "/robots.txt").header("content-type") == "text/plain; charset=utf-8")
        #expect(try server.get("hollowcreek", "/_redirects").status == 404, "host config files are not served")
    }

    @Test func buildOutputHasNoLiveReloadScript() throws {
        let root = try WaymarkBinary.exampleProject()
        let site = try built(root)
        let files = WaymarkBinary.snapshot(site)
        #expect(files.count > 40)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for marker in ["__waymark", "EventSource", "data-waymark-live-reload"] {
                #expect(!text.contains(marker), "\(path) contains \(marker)")
            }
        }
    }

    @Test func pollingSeesEditsToo() throws {
        let root = try WaymarkBinary.exampleProject()
        let server = try ServeProcess(root: root, arguments: ["--poll", "--site", "hollowcreek"], sites: 1)
        #expect(server.stdout.contains("(polling)"))
        #expect(!server.stdout.contains("serving pawprint"))
        try edit(root, Self.about, settingTitle("Polled"))
        let edited = try server.poll("hollowcreek", "/about/") { $0.body.contains("<h1>Polled</h1>") }
        #expect(edited.body.contains("<h1>Polled</h1>"))
    }

    @Test func aBusyPortOrAnUnknownSiteIsAnError() throws {
        let root = try WaymarkBinary.exampleProject()
        let server = try ServeProcess(root: root, arguments: ["--site", "pawprint"], sites: 1)
        let busy = try WaymarkBinary.run(["serve", "--root", root, "--site", "pawprint", "--port", String(try server.port("pawprint"))])
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("error: cannot listen on 127.0.0.1:\(try server.port("pawprint")) for pawprint"))
        let unknown = try WaymarkBinary.run(["serve", "--root", root, "--site", "nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no site named 'nope' (sites: hollowcreek, pawprint)"))
    }

    /// `waymark build` of the project into a separate folder; returns it.
    func built(_ root: String) throws -> String {
        let output = try WaymarkBinary.temporaryFolder() + "/site"
        let run = try WaymarkBinary.run(["build", "--root", root, "--output", output])
        try #require(run.status == 0, "build failed: \(run.stderr)")
        return output
    }
}
