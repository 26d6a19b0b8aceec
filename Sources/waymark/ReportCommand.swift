import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkReport
import WaymarkScans

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Roll scan logs up into per-site reports (HTML with charts, CSV, JSON).",
        discussion: """
        Reads only what is new under --logs since the last run (files and byte offsets are kept in \
        the rollup database), drops duplicate event ids and bots, updates the daily rollups and \
        renders site/_reports/<site>/. Running it again on the same logs changes nothing. The \
        windows (last 30 and 90 days) end on the newest day in the data unless --today is given.

        Examples:
          waymark report --logs logs
          waymark report --logs /var/lib/waymark/logs --out site/_reports --since 2026-01-01
          waymark report --logs logs --format json > run.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The scan-log folder (site=<id>/date=YYYY-MM-DD/*.ndjson).")
    var logs: String

    @Option(help: "The manifest that names tokens (written by `waymark build`).")
    var manifest: String?

    @Option(help: "Where reports are written (keep it out of deployed folders).")
    var out = "site/_reports"

    @Option(help: "The rollup database (default: <out>/rollup.sqlite).")
    var db: String?

    @Option(help: "Ignore log partitions dated before this day (YYYY-MM-DD).", transform: Self.day)
    var since: UTCDay?

    @Option(help: "End the 30/90-day windows on this day (YYYY-MM-DD) instead of the newest day in the data.", transform: Self.day)
    var today: UTCDay?

    @Option(help: "Run summary on stdout: text or json.")
    var format: Format = .text

    func run() throws {
        guard FileManager.default.fileExists(atPath: logs) else { throw ValidationError("no logs folder at \(logs)") }
        let manifestValue = try loadManifest()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let rollup = try Rollup(databasePath: db ?? "\(out)/rollup.sqlite")
        let run = try rollup.update(logs: logs, since: since)
        ReportSummary.printWarnings(run.warnings)
        let output = try Report.render(from: rollup, manifest: manifestValue, to: out, today: today)
        print(format == .json ? ReportSummary.json(run, output) : ReportSummary.text(run, output, out: out))
    }

    /// The manifest if there is one; without it every token is reported as an orphan.
    private func loadManifest() throws -> Manifest? {
        let path = manifest ?? "site/_manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            if manifest != nil { throw ValidationError("cannot read the manifest \(path)") }
            FileHandle.standardError.write(Data("\(path): warning: no manifest (run `waymark build`); every token is reported as unknown\n".utf8))
            return nil
        }
        do { return try Manifest.decode(data) } catch { throw ValidationError("\(path): \(error)") }
    }

    private static func day(_ text: String) throws -> UTCDay {
        guard let day = UTCDay(text) else { throw ValidationError("'\(text)' is not a day (YYYY-MM-DD)") }
        return day
    }
}
