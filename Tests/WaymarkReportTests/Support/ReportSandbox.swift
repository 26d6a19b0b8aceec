import Foundation
import WaymarkCore
import WaymarkScans
import WaymarkTestSupport
@testable import WaymarkReport

/// A fixture copied into a temporary folder (never pointed at in place), with helpers to run the
/// rollup and render, and to read the JSON export back.
struct ReportSandbox {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    let folder: String
    var logs: String { "\(folder)/logs" }
    var out: String { "\(folder)/out" }
    var database: String { "\(folder)/rollup.sqlite" }

    /// A copy of `Fixtures/<name>`, or an empty sandbox.
    init(fixture name: String? = nil) throws {
        folder = try WaymarkBinary.temporaryFolder()
        if let name {
            for item in try FileManager.default.contentsOfDirectory(atPath: "\(Self.fixtures)/\(name)") {
                try FileManager.default.copyItem(atPath: "\(Self.fixtures)/\(name)/\(item)", toPath: "\(folder)/\(item)")
            }
        } else {
            try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        }
    }

    var manifest: Manifest? {
        FileManager.default.contents(atPath: "\(folder)/manifest.json").flatMap { try? Manifest.decode($0) }
    }

    /// One `waymark report` run, in process.
    @discardableResult
    func run(today: String? = nil) throws -> (run: RollupRun, output: Report.Output) {
        let rollup = try Rollup(databasePath: database)
        let run = try rollup.update(logs: logs)
        let output = try Report.render(from: rollup, manifest: manifest, to: out, today: today.flatMap { UTCDay($0) })
        return (run, output)
    }

    /// `out/<site>/report.json`, parsed.
    func json(_ site: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(site)/report.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Appends `text` to a log file (creating folders and file as needed).
    func append(_ text: String, to relative: String) throws {
        let path = "\(logs)/\(relative)"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// The stored rollup rows, for comparing databases.
    func rollupRows() throws -> [String] {
        try RollupStore(path: database).allRows().map { "\($0.site) \($0.day) \($0.dimension) \($0.key) \($0.count)" }
    }

    /// A canonical log line, as waymark-ingest writes it.
    static func line(id: String, ts: String, site: String = "hollow", token: String = "AAAAAA", kind: String = "scan",
                     device: String = "mobile", os: String = "ios", browser: String = "safari",
                     ref: String? = nil, cc: String? = "GB", ih: String = "1111111111111111") -> String {
        func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
        return #"{"v":1,"id":"\#(id)","ts":"\#(ts)","site":"\#(site)","token":"\#(token)","kind":"\#(kind)","ua":{"device":"\#(device)","os":"\#(os)","browser":"\#(browser)"},"ref":\#(quoted(ref)),"cc":\#(quoted(cc)),"ih":"\#(ih)"}"# + "\n"
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `tables.<name>.rows` of a report.json.
    func rows(_ table: String) -> [[String: Any]] {
        ((self["tables"] as! [String: Any])[table] as! [String: Any])["rows"] as! [[String: Any]]
    }

    var totals: [String: Any] { self["totals"] as! [String: Any] }
}
