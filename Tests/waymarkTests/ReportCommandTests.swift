import Foundation
import Testing
import WaymarkTestSupport

/// `waymark report` end to end: the real binary on a copy of the report fixture and on the
/// example project.
@Suite struct ReportCommandTests {
    static let fixture = WaymarkBinary.repository + "/Tests/WaymarkReportTests/Fixtures/basic"

    static func sandbox() throws -> String {
        let folder = try WaymarkBinary.temporaryFolder()
        for item in ["logs", "manifest.json"] { try FileManager.default.copyItem(atPath: "\(fixture)/\(item)", toPath: "\(folder)/\(item)") }
        return folder
    }

    @Test func reportsWarnsAndIsIdempotent() throws {
        let folder = try Self.sandbox()
        let arguments = ["report", "--logs", "logs", "--manifest", "manifest.json", "--out", "reports"]
        let first = try WaymarkBinary.run(arguments, in: folder)
        #expect(first.status == 0)
        #expect(first.stderr == """
            site=hollow/date=2026-11-20/n1-1.ndjson:5: warning: malformed line skipped
            site=hollow/date=2026-11-20/n1-1.ndjson:7: warning: truncated final line skipped (read again next run)

            """)
        #expect(first.stdout.hasPrefix("""
            read 5 of 5 log files: \(Self.logBytes(folder)) bytes, 19 lines
            new: 14 scans, 2 bot hits; skipped: 2 duplicates, 1 malformed, 1 truncated
            4 site days updated; 2 site reports, 
            """))
        for file in ["index.html", "hollow/index.html", "hollow/trail-ridge-walk.html", "hollow/report.json", "hollow/csv/daily.csv",
                     "pets/index.html", "rollup.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/reports/\(file)"), "\(file)")
        }
        let second = try WaymarkBinary.run(arguments, in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.contains("new: 0 scans, 0 bot hits; skipped: 0 duplicates, 0 malformed, 1 truncated"))
        #expect(second.stdout.contains("0 site days updated; 2 site reports, 0 files written to reports"))
    }

    @Test func jsonSummaryAndDatabaseElsewhere() throws {
        let folder = try Self.sandbox()
        let run = try WaymarkBinary.run(["report", "--logs", "logs", "--manifest", "manifest.json", "--out", "r", "--db", "state/roll.db",
                                         "--format", "json", "--since", "2026-11-21"], in: folder)
        // The database folder must exist: it is the user's choice, not created silently.
        #expect(run.status != 0)
        try FileManager.default.createDirectory(atPath: "\(folder)/state", withIntermediateDirectories: true)
        let retry = try WaymarkBinary.run(["report", "--logs", "logs", "--manifest", "manifest.json", "--out", "r", "--db", "state/roll.db",
                                           "--format", "json", "--since", "2026-11-21"], in: folder)
        #expect(retry.status == 0, "\(retry.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(retry.stdout.utf8)) as! [String: Any]
        let counts = summary["run"] as! [String: Any]
        #expect(counts["filesSeen"] as? Int == 2 && counts["newScans"] as? Int == 5 && counts["newBots"] as? Int == 1)
        #expect(summary["sites"] as? [String] == ["hollow", "pets"])
        #expect(FileManager.default.fileExists(atPath: "\(folder)/state/roll.db"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/r/rollup.sqlite"))
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let folder = try Self.sandbox()
        let badDay = try WaymarkBinary.run(["report", "--logs", "logs", "--since", "2026-02-30"], in: folder)
        #expect(badDay.status == 64)
        #expect(badDay.stderr.contains("'2026-02-30' is not a day (YYYY-MM-DD)"))
        let noLogs = try WaymarkBinary.run(["report", "--logs", "nowhere"], in: folder)
        #expect(noLogs.status == 64)
        #expect(noLogs.stderr.contains("no logs folder at nowhere"))
        let help = try WaymarkBinary.run(["report", "--help"], in: folder)
        #expect(help.status == 0 && help.stdout.contains("waymark report --logs logs"))
    }

    /// After `waymark build`, the default manifest and output folder are used, and the example
    /// site's two trails get their pages.
    @Test func exampleProjectWithDefaults() throws {
        let project = try WaymarkBinary.exampleProject()
        #expect(try WaymarkBinary.run(["build", "--root", project]).status == 0)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_manifest.json"))) as! [String: Any]
        let tokens = (manifest["tokens"] as! [String: [String: Any]]).filter { $0.value["site"] as? String == "hollowcreek" }.keys.sorted()
        let lines = tokens.enumerated().map { index, token in
            #"{"v":1,"id":"ex\#(index)","ts":"2026-11-21T10:00:00.000Z","site":"hollowcreek","token":"\#(token)","kind":"scan","ua":{"device":"mobile","os":"ios","browser":"safari"},"ref":null,"cc":"GB","ih":"0123456789abcdef"}"#
        }.joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(atPath: "\(project)/logs/site=hollowcreek/date=2026-11-21", withIntermediateDirectories: true)
        try lines.write(toFile: "\(project)/logs/site=hollowcreek/date=2026-11-21/edge-1.ndjson", atomically: true, encoding: .utf8)
        let run = try WaymarkBinary.run(["report", "--logs", "logs"], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        for page in ["hollowcreek/trail-foxglove-wood-family-trail.html", "hollowcreek/trail-millrace-heritage-walk.html", "pawprint/index.html", "rollup.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: "\(project)/site/_reports/\(page)"), "\(page)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_reports/hollowcreek/report.json"))) as! [String: Any]
        let totals = report["totals"] as! [String: Any]
        #expect(totals["scans"] as? Int == tokens.count && totals["orphan_scans"] as? Int == 0)
        // One visitor scanned every stop: each funnel is complete.
        for trail in report["trails"] as! [[String: Any]] {
            let rows = (trail["funnel"] as! [String: Any])["rows"] as! [[String: Any]]
            #expect(rows.allSatisfy { $0["visitors"] as? Int == 1 }, "\(trail["slug"]!)")
        }
    }

    static func logBytes(_ folder: String) -> Int {
        let enumerator = FileManager.default.enumerator(atPath: "\(folder)/logs")
        var total = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".ndjson") else { continue }
            total += (try? FileManager.default.attributesOfItem(atPath: "\(folder)/logs/\(path)")[.size] as? Int) ?? 0
        }
        return total
    }
}
