import Foundation
import Testing
@testable import WaymarkReport

/// The hand-written fixture (Fixtures/basic/README.md) and every number of its JSON export,
/// worked out by hand from the log lines.
@Suite struct ReportFixtureTests {
    static func report() throws -> (ReportSandbox, RollupRun, [String: Any], [String: Any]) {
        let sandbox = try ReportSandbox(fixture: "basic")
        let (run, _) = try sandbox.run()
        return (sandbox, run, try sandbox.json("hollow"), try sandbox.json("pets"))
    }

    @Test func runCountsEveryKindOfLine() throws {
        let (_, run, _, _) = try Self.report()
        #expect(run.filesSeen == 5 && run.filesRead == 5)
        #expect(run.linesRead == 19)  // the truncated final line is not a line
        #expect(run.newScans == 14 && run.newBots == 2 && run.newEvents == 16)
        #expect(run.duplicates == 2 && run.malformedLines == 1 && run.truncatedLines == 1)
        #expect(run.daysUpdated == 4)
        #expect(run.warnings == [
            "site=hollow/date=2026-11-20/n1-1.ndjson:5: warning: malformed line skipped",
            "site=hollow/date=2026-11-20/n1-1.ndjson:7: warning: truncated final line skipped (read again next run)",
        ])
    }

    @Test func totals() throws {
        let (_, _, hollow, pets) = try Self.report()
        #expect(hollow["report_day"] as? String == "2026-11-21")
        #expect(hollow["title"] as? String == "Hollow Trails")
        let expected: [String: Any] = ["scans": 12, "scans_last_30_days": 12, "scans_last_90_days": 12, "visitor_days_last_30_days": 6,
                                       "bots": 1, "duplicates": 2, "malformed_lines": 1, "truncated_lines": 1, "orphan_scans": 1,
                                       "first_day": "2026-11-19", "last_day": "2026-11-21"]
        #expect(NSDictionary(dictionary: hollow.totals) == NSDictionary(dictionary: expected))
        let petTotals: [String: Any] = ["scans": 2, "scans_last_30_days": 2, "scans_last_90_days": 2, "visitor_days_last_30_days": 1,
                                        "bots": 1, "duplicates": 0, "malformed_lines": 0, "truncated_lines": 0, "orphan_scans": 0,
                                        "first_day": "2026-11-21", "last_day": "2026-11-21"]
        #expect(NSDictionary(dictionary: pets.totals) == NSDictionary(dictionary: petTotals))
    }

    @Test func dailyAndHourly() throws {
        let (_, _, hollow, _) = try Self.report()
        let daily = hollow.rows("daily")
        #expect(daily.count == 90)
        #expect(daily.first?["day"] as? String == "2026-08-24")
        #expect(Array(daily.suffix(3)).map { [$0["day"] as! String, "\($0["scans"]!)", "\($0["visitors"]!)", "\($0["bots"]!)"] }
            == [["2026-11-19", "1", "1", "0"], ["2026-11-20", "8", "3", "1"], ["2026-11-21", "3", "2", "0"]])
        #expect(daily.dropLast(3).allSatisfy { $0["scans"] as? Int == 0 && $0["visitors"] as? Int == 0 })
        let hourly = hollow.rows("hourly").filter { $0["scans"] as! Int > 0 }
            .map { "\($0["weekday"]!)@\($0["hour"]!)=\($0["scans"]!)" }
        // 2026-11-19 is a Thursday (4), the 20th a Friday (5), the 21st a Saturday (6).
        #expect(Set(hourly) == ["4@23=1", "5@9=2", "5@10=4", "5@11=2", "6@8=1", "6@18=1", "6@19=1"])
        #expect(hollow.rows("hourly").count == 168)
    }

    @Test func breakdowns() throws {
        let (_, _, hollow, pets) = try Self.report()
        func table(_ name: String, _ json: [String: Any]) -> [String] {
            json.rows(name).map { "\($0["key"]!) \($0["scans"]!) \($0["share_percent"]!)" }
        }
        #expect(table("devices", hollow) == ["mobile 7 58.3", "desktop 3 25", "tablet 2 16.7"])
        #expect(table("operating_systems", hollow) == ["ios 6 50", "android 3 25", "macos 2 16.7", "windows 1 8.3"])
        #expect(table("browsers", hollow) == ["safari 6 50", "chrome 2 16.7", "firefox 2 16.7", "edge 1 8.3", "samsung 1 8.3"])
        #expect(table("referrers", hollow) == ["(direct) 9 75", "hollowcreek.example 1 8.3", "t.co 1 8.3", "www.google.com 1 8.3"])
        #expect(table("countries", hollow) == ["GB 5 41.7", "DE 2 16.7", "FR 2 16.7", "US 2 16.7", "(unknown) 1 8.3"])
        #expect(table("bots", hollow) == ["googlebot 1 100"])
        #expect(table("bots", pets) == ["other 1 100"])
        #expect(table("devices", pets) == ["mobile 2 100"])
    }

    @Test func itemsOrphansAndRetiredTokens() throws {
        let (_, _, hollow, pets) = try Self.report()
        let stops = hollow.rows("stops").map { "\($0["trail"]!)#\($0["position"]!) \($0["title"]!) [\($0["tokens"]!)] \($0["status"]!) \($0["scans"]!)/\($0["scans_all_time"]!)" }
        #expect(stops == [
            "ridge-walk#1 The Oak [AAAAAA] active 5/5",
            "ridge-walk#2 The Bank [BBBBBB RRRRRR] active 3/3",  // the retired card's scan counts for its stop
            "ridge-walk#3 The Pond [CCCCCC] active 3/3",
        ])
        #expect(hollow.rows("pets").isEmpty)
        #expect(pets.rows("pets").map { "\($0["title"]!) \($0["tokens"]!) \($0["scans"]!)" } == ["Bramble PETPET01 2"])
        #expect(hollow.rows("orphans").map { "\($0["token"]!) \($0["scans"]!) \($0["first_day"]!) \($0["last_day"]!)" } == ["ZZZZZZ 1 2026-11-20 2026-11-20"])
        #expect(pets.rows("orphans").isEmpty)
    }

    @Test func trailFunnel() throws {
        let (_, _, hollow, _) = try Self.report()
        let trails = hollow["trails"] as! [[String: Any]]
        #expect(trails.map { $0["slug"] as! String } == ["ridge-walk"])
        #expect(trails[0]["title"] as? String == "Ridge walk")
        let funnel = ((trails[0]["funnel"] as! [String: Any])["rows"] as! [[String: Any]])
            .map { "\($0["step"]!) \($0["title"]!) \($0["visitors"]!) \($0["share_percent"]!)" }
        // 19th: one visitor at stop 1. 20th: three at stop 1, two of them at stop 2 (one through the
        // retired card), two at stop 3. 21st: one at stop 1 and 3; one at stop 2 only, not counted.
        #expect(funnel == ["1 The Oak 5 100", "2 The Bank 2 40", "3 The Pond 3 60"])
    }

    @Test func csvMatchesJSON() throws {
        let (sandbox, _, _, _) = try Self.report()
        let csv = try String(contentsOfFile: "\(sandbox.out)/hollow/csv/devices.csv", encoding: .utf8)
        #expect(csv == "key,scans,share_percent\r\nmobile,7,58.3\r\ndesktop,3,25.0\r\ntablet,2,16.7\r\n")
        let funnel = try String(contentsOfFile: "\(sandbox.out)/hollow/csv/funnel-ridge-walk.csv", encoding: .utf8)
        #expect(funnel == "step,title,tokens,visitors,share_percent\r\n1,The Oak,AAAAAA,5,100.0\r\n2,The Bank,BBBBBB RRRRRR,2,40.0\r\n3,The Pond,CCCCCC,3,60.0\r\n")
        for table in ["daily", "hourly", "devices", "operating_systems", "browsers", "referrers", "countries", "bots", "stops", "pets", "orphans"] {
            #expect(FileManager.default.fileExists(atPath: "\(sandbox.out)/hollow/csv/\(table).csv"), "\(table).csv")
        }
    }
}
