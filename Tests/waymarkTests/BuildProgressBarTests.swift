import Foundation
import Testing
import WaymarkTestSupport

/// `waymark build` on a terminal draws, for each site, the content files loaded, then a bar of
/// the QR codes made of the site's tokens, then a bar of the pages done of the site's total
/// (redirect pages included), each with its rate; piped, or with `--quiet`, it draws nothing.
@Suite struct BuildProgressBarTests {
    @Test func aTerminalShowsEachSitesPagesDoneOfItsTotalAndTheRate() throws {
        let project = try WaymarkBinary.exampleProject()
        let screen = try Self.onTerminal(["build", "--root", project])
        let bars = Self.bars(in: screen)
        for site in ["hollowcreek", "pawprint"] {
            // The last bar a site draws of each kind is always its complete one.
            let last = try #require(bars.last { $0.site == site && $0.noun == "pages" }, "no bar for \(site) in \(screen.debugDescription)")
            let pages = try Self.files(under: "\(project)/site/\(site)", ending: ".html")
            #expect(last.done == last.total && last.total == pages, "\(site): \(last) for \(pages) HTML files")
            #expect(last.filled == 30 && last.rate > 0)
            for noun in ["content files", "QR codes", "pages"] {
                let counts = bars.filter { $0.site == site && $0.noun == noun }.map(\.done)
                #expect(counts == counts.sorted(), "\(site) \(noun): \(counts)")
            }
        }
        // The last bar is cleared before anything else is written (warnings, the summary line).
        let afterBars = try #require(screen.range(of: "pages/s", options: .backwards)).upperBound
        #expect(screen[afterBars...].hasPrefix("\r\u{1B}[2K"), "\(screen[afterBars...].prefix(20).debugDescription)")
        #expect(screen.contains("built 2 sites"))
    }

    @Test func theContentFilesAndQRCodesAreCountedBeforeThePages() throws {
        let project = try WaymarkBinary.exampleProject()
        let screen = try Self.onTerminal(["build", "--root", project])
        let bars = Self.bars(in: screen)
        for site in ["hollowcreek", "pawprint"] {
            let markdown = try ["trails", "pets", "pages"].reduce(0) { count, folder in
                let path = "\(project)/content/\(site)/\(folder)"
                return count + (FileManager.default.fileExists(atPath: path) ? try Self.files(under: path, ending: ".md") : 0)
            }
            let codes = try Self.files(under: "\(project)/site/_print/\(site)/qr", ending: ".svg")
            let loaded = try #require(bars.last { $0.site == site && $0.noun == "content files" }, "\(screen.debugDescription)")
            #expect(loaded.done == markdown && loaded.total == markdown && loaded.filled == 30, "\(site): \(loaded) for \(markdown) Markdown files")
            let coded = try #require(bars.last { $0.site == site && $0.noun == "QR codes" }, "\(screen.debugDescription)")
            #expect(coded.done == codes && coded.total == codes && coded.filled == 30, "\(site): \(coded) for \(codes) codes")
            // In the order the work is done: a site's pages wait for its codes, which wait for the content.
            let order = bars.indices.filter { bars[$0].site == site }.map { bars[$0].noun }
            let firsts = ["content files", "QR codes", "pages"].map { noun in order.firstIndex(of: noun) ?? -1 }
            #expect(firsts.allSatisfy { $0 >= 0 } && firsts == firsts.sorted(), "\(site): \(order)")
            #expect(order.lastIndex(of: "QR codes")! < order.firstIndex(of: "pages")!, "\(site): \(order)")
        }
    }

    /// The QR codes are made while the tokens are checked; a build that fails there leaves them to
    /// finish unused, and they must not draw over (or after) the diagnostics.
    @Test func aFailedBuildDrawsNothingAfterItsDiagnostics() throws {
        let project = try WaymarkBinary.exampleProject()
        let stop = "\(project)/content/hollowcreek/trails/foxglove-wood-family-trail/01-welcome-oak.md"
        let text = try String(contentsOfFile: stop, encoding: .utf8)
        let changed = text.replacingOccurrences(of: #"(?m)^token: .*$"#, with: "token: ZZZZ99", options: .regularExpression)
        #expect(changed != text)
        try changed.write(toFile: stop, atomically: true, encoding: .utf8)
        let screen = try Self.onTerminal(["build", "--root", project], succeeds: false)
        let diagnostics = try #require(screen.range(of: "01-welcome-oak.md:"), "\(screen.debugDescription)")
        let after = String(screen[diagnostics.lowerBound...])
        #expect(Self.bars(in: after).isEmpty && !after.contains("\u{1B}[2K"), "\(after.debugDescription)")
        #expect(after.contains("1 error"))
    }

    @Test func pipedOrQuietNothingIsDrawn() throws {
        let project = try WaymarkBinary.exampleProject()
        let piped = try WaymarkBinary.run(["build", "--root", project])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(Self.bars(in: piped.stderr).isEmpty && !piped.stderr.contains("\r"))
        #expect((piped.stdout + piped.stderr).contains("built 2 sites"))
        let quiet = try Self.onTerminal(["build", "--root", project, "--quiet"])
        #expect(Self.bars(in: quiet).isEmpty && !quiet.contains("built"), "\(quiet.debugDescription)")
    }

    /// What `waymark` writes to a pseudo-terminal (`script` from util-linux gives it one).
    static func onTerminal(_ arguments: [String], succeeds: Bool = true) throws -> String {
        let command = ([WaymarkBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let run = try WaymarkBinary.run(["-q", "-e", "-c", command, "/dev/null"], environment: ["TERM": "xterm"], program: "/usr/bin/script")
        #expect((run.status == 0) == succeeds, "\(run.stdout)")
        return run.stdout
    }

    struct Bar: CustomStringConvertible {
        var filled: Int, site: String, done: Int, total: Int?, noun: String, rate: Int
        var description: String { "\(site) \(done)/\(total.map(String.init) ?? "?") \(noun) (\(filled) filled) \(rate)/s" }
    }

    /// Every bar drawn, in order: `[###...] site: done/total pages, rate pages/s` (also of QR
    /// codes and content files), and `site: done content files, rate files/s` while the content
    /// files' total is not known.
    static func bars(in screen: String) -> [Bar] {
        let pattern = /(?:\[(#*)\.*\] )?([a-z0-9-]+): (\d+)(?:\/(\d+))? (pages|QR codes|content files), (\d+) (?:pages|codes|files)\/s/
        return screen.split(separator: "\r").compactMap { draw in
            guard let match = draw.firstMatch(of: pattern), let done = Int(match.3), let rate = Int(match.6) else { return nil }
            return Bar(filled: match.1?.count ?? 0, site: String(match.2), done: done, total: match.4.flatMap { Int($0) }, noun: String(match.5), rate: rate)
        }
    }

    static func files(under folder: String, ending suffix: String) throws -> Int {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.count
    }
}
