import Foundation
import Testing
import WaymarkTestSupport

/// `waymark build` on a terminal draws a bar per site: pages done of the site's total (redirect
/// pages included) and the rate; piped, or with `--quiet`, it draws nothing.
@Suite struct BuildProgressBarTests {
    @Test func aTerminalShowsEachSitesPagesDoneOfItsTotalAndTheRate() throws {
        let project = try WaymarkBinary.exampleProject()
        let screen = try Self.onTerminal(["build", "--root", project])
        let bars = Self.bars(in: screen)
        for site in ["hollowcreek", "pawprint"] {
            // The last bar a site draws is always its complete one.
            let last = try #require(bars.last { $0.site == site }, "no bar for \(site) in \(screen.debugDescription)")
            let pages = try Self.htmlFiles(under: "\(project)/site/\(site)")
            #expect(last.done == last.total && last.total == pages, "\(site): \(last) for \(pages) HTML files")
            #expect(last.filled == 30 && last.rate > 0)
            #expect(bars.filter { $0.site == site }.map(\.done) == bars.filter { $0.site == site }.map(\.done).sorted())
        }
        // The last bar is cleared before anything else is written (warnings, the summary line).
        let afterBars = try #require(screen.range(of: "pages/s", options: .backwards)).upperBound
        #expect(screen[afterBars...].hasPrefix("\r\u{1B}[2K"), "\(screen[afterBars...].prefix(20).debugDescription)")
        #expect(screen.contains("built 2 sites"))
    }

    @Test func pipedOrQuietNothingIsDrawn() throws {
        let project = try WaymarkBinary.exampleProject()
        let piped = try WaymarkBinary.run(["build", "--root", project])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("pages/s") && !piped.stderr.contains("\r"))
        #expect((piped.stdout + piped.stderr).contains("built 2 sites"))
        let quiet = try Self.onTerminal(["build", "--root", project, "--quiet"])
        #expect(Self.bars(in: quiet).isEmpty && !quiet.contains("built"), "\(quiet.debugDescription)")
    }

    /// What `waymark` writes to a pseudo-terminal (`script` from util-linux gives it one).
    static func onTerminal(_ arguments: [String]) throws -> String {
        let command = ([WaymarkBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let run = try WaymarkBinary.run(["-q", "-e", "-c", command, "/dev/null"], environment: ["TERM": "xterm"], program: "/usr/bin/script")
        #expect(run.status == 0, "\(run.stdout)")
        return run.stdout
    }

    struct Bar: CustomStringConvertible {
        var filled: Int, site: String, done: Int, total: Int, rate: Int
        var description: String { "\(site) \(done)/\(total) (\(filled) filled) \(rate)/s" }
    }

    /// Every bar drawn, in order: `[###...] site: done/total pages, rate pages/s`.
    static func bars(in screen: String) -> [Bar] {
        let pattern = /\[(#*)\.*\] ([a-z0-9-]+): (\d+)\/(\d+) pages, (\d+) pages\/s/
        return screen.split(separator: "\r").compactMap { draw in
            guard let match = draw.firstMatch(of: pattern), let done = Int(match.3), let total = Int(match.4), let rate = Int(match.5) else { return nil }
            return Bar(filled: match.1.count, site: String(match.2), done: done, total: total, rate: rate)
        }
    }

    static func htmlFiles(under folder: String) throws -> Int {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.count
    }
}
