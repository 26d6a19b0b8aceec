import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// Renders a small fixture project and compares every output file with the committed golden copy.
/// Set WAYMARK_UPDATE_GOLDEN=1 to rewrite the goldens after an intended change, then review the diff.
@Suite struct GoldenSiteTests {
    static let project = Fixtures.folder + "/golden/project"
    static let expected = Fixtures.folder + "/golden/expected"

    func rendered() throws -> [String: [UInt8]] {
        let result = try SiteBuilder(options: .init(root: Self.project, today: Fixtures.today)).check()
        var files: [String: [UInt8]] = ["_manifest.json": Array(result.manifest.encoded())]
        for (id, output) in result.rendered {
            for (path, bytes) in output.site.files { files["\(id)/\(path)"] = bytes }
            for (path, bytes) in output.server.files { files["_server/\(id)/\(path)"] = bytes }
        }
        return files
    }

    @Test func everyFileMatchesItsGolden() throws {
        let actual = try rendered()
        if ProcessInfo.processInfo.environment["WAYMARK_UPDATE_GOLDEN"] != nil {
            try? FileManager.default.removeItem(atPath: Self.expected)
            for (path, bytes) in actual {
                let url = URL(fileURLWithPath: "\(Self.expected)/\(path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        }
        let enumerator = FileManager.default.enumerator(atPath: Self.expected)
        var goldenPaths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(Self.expected)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue {
                goldenPaths.append(path)
            }
        }
        #expect(goldenPaths.sorted() == actual.keys.sorted())
        for path in goldenPaths {
            let golden = try String(contentsOfFile: "\(Self.expected)/\(path)", encoding: .utf8)
            #expect(String(decoding: actual[path] ?? [], as: UTF8.self) == golden, "\(path) differs from its golden")
        }
    }
}
