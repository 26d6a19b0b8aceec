import Foundation
import Testing
@testable import WaymarkReport

/// The pages work offline and on a phone: no scripts, no external assets, escaped visitor input.
@Suite struct ReportHTMLTests {
    @Test func pagesAreSelfContained() throws {
        let sandbox = try ReportSandbox(fixture: "basic")
        try sandbox.append(ReportSandbox.line(id: "x1", ts: "2026-11-21T09:00:00.000Z", ref: "<script>alert(1)</script>"), to: "site=hollow/date=2026-11-21/n9-1.ndjson")
        try sandbox.run()
        for page in ["index.html", "hollow/index.html", "hollow/trail-ridge-walk.html", "pets/index.html"] {
            let html = try String(contentsOfFile: "\(sandbox.out)/\(page)", encoding: .utf8)
            #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#), "\(page)")
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("src="), "\(page)")
            #expect(!html.contains("<link"), "\(page)")
            #expect(!html.contains("http://") && !html.contains("https://"), "\(page)")
        }
        let site = try String(contentsOfFile: "\(sandbox.out)/hollow/index.html", encoding: .utf8)
        #expect(site.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(site.components(separatedBy: "<svg").count > 5)
        #expect(site.contains(#"<a href="trail-ridge-walk.html">Ridge walk</a>"#))
        #expect(site.contains(#"<a href="csv/funnel-ridge-walk.csv">funnel-ridge-walk.csv</a>"#))
    }

    @Test func aSiteWithoutDataStillGetsAReport() throws {
        let sandbox = try ReportSandbox(fixture: "basic")
        try FileManager.default.removeItem(atPath: "\(sandbox.logs)/site=pets")
        let (_, output) = try sandbox.run()
        #expect(output.reports.map(\.site) == ["hollow", "pets"])
        let pets = try sandbox.json("pets")
        #expect(pets.totals["scans"] as? Int == 0)
        #expect(pets.rows("pets").map { $0["scans"] as? Int } == [0])
    }
}
