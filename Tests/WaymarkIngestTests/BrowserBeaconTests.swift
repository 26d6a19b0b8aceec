import Foundation
import Testing
import WaymarkScans
import WaymarkTestSupport

/// A real browser: headless Chromium opens a built redirect page from a static server, follows it
/// to the stop page, and its `navigator.sendBeacon` lands in waymark-ingest's log.
@Suite struct BrowserBeaconTests {
    @Test(.timeLimit(.minutes(2)))
    func chromiumSendsTheBeaconOfABuiltRedirectPage() throws {
        let chromium = try #require(Self.which("chromium") ?? Self.which("chromium-browser"), "chromium is not installed (apt-get install chromium)")
        let python = try #require(Self.which("python3"), "python3 is not installed")
        let project = try WaymarkBinary.exampleProject()
        let staticPort = try HTTPReply.freePort(), ingestPort = try HTTPReply.freePort()
        let siteFile = project + "/content/hollowcreek/site.yml"
        let lines = try String(contentsOfFile: siteFile, encoding: .utf8).components(separatedBy: "\n").map { line in
            if line.hasPrefix("base_url:") { return "base_url: http://127.0.0.1:\(staticPort)" }
            if line.hasPrefix("short_url:") { return "short_url: http://127.0.0.1:\(staticPort)" }
            if line.hasPrefix("beacon_url:") { return "beacon_url: http://127.0.0.1:\(ingestPort)/b" }
            return line
        }
        try lines.joined(separator: "\n").write(toFile: siteFile, atomically: true, encoding: .utf8)
        let output = project + "/out"
        let build = try WaymarkBinary.run(["build", "--root", project, "--site", "hollowcreek", "--output", output])
        try #require(build.status == 0, "waymark build failed: \(build.stderr)")

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/_manifest.json"))) as? [String: Any]
        let tokens = try #require(manifest?["tokens"] as? [String: [String: Any]])
        let (token, entry) = try #require(tokens.filter { $0.value["site"] as? String == "hollowcreek" && $0.value["status"] as? String == "active" }
            .sorted { $0.key < $1.key }.first)
        let title = try #require(entry["title"] as? String)

        let server = try IngestServer(manifest: output + "/_manifest.json", logs: project + "/logs",
                                      arguments: ["--listen", "127.0.0.1:\(ingestPort)", "--fsync", "always"])
        let staticServer = try Self.start(python, ["-u", "-m", "http.server", String(staticPort), "--bind", "127.0.0.1", "--directory", output + "/hollowcreek"])
        defer { IngestServer.killAndReap(staticServer) }
        try #require(Self.waitUntilServing(port: staticPort), "python http.server did not start")

        let browser = try Self.start(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(project)/chromium-profile",
            "--virtual-time-budget=5000", "--dump-dom", "http://127.0.0.1:\(staticPort)/t/\(token)/",
        ], stdout: project + "/dom.html")
        let deadline = Date().addingTimeInterval(60)
        while browser.isRunning, Date() < deadline { usleep(50_000) }
        IngestServer.killAndReap(browser)
        let dom = (try? String(contentsOfFile: project + "/dom.html", encoding: .utf8)) ?? ""
        #expect(dom.contains("<h1>\(title)</h1>"), "Chromium did not land on the stop page")

        var events: [ScanEvent] = []
        let logDeadline = Date().addingTimeInterval(10)
        while events.isEmpty, Date() < logDeadline {
            events = IngestFixture.logFiles(project + "/logs").values.flatMap(\.events)
            if events.isEmpty { usleep(50_000) }
        }
        try #require(events.count == 1, "the beacon did not arrive: \(server.stderr)")
        #expect(events[0].kind == .beacon)
        #expect(events[0].site.rawValue == "hollowcreek")
        #expect(events[0].token.rawValue == token)
        #expect(events[0].ua.device == .bot && events[0].ua.browser == "headless-chrome", "headless browsers are bots")
        #expect(server.stop() == 0)
    }
}

private extension BrowserBeaconTests {
    static func which(_ name: String) -> String? {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin", "/snap/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
    }

    static func start(_ executable: String, _ arguments: [String], stdout: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let stdout {
            // createFile replaces the path by renaming a temporary file over it: never call it on
            // a device such as /dev/null (it once turned /dev/null into a plain file).
            _ = FileManager.default.createFile(atPath: stdout, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitUntilServing(port: Int) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let reply = try? HTTPReply.exchange(HTTPReply.request("GET", "/"), port: port, timeout: 2), reply.status > 0 { return true }
            usleep(50_000)
        }
        return false
    }
}
