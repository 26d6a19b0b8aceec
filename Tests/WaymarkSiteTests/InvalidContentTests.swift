import Foundation
import Testing

/// One fixture project per kind of mistake; each asserts the exact diagnostics (text and place).
@Suite struct InvalidContentTests {
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.folder + "/invalid")) ?? []).sorted()

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func reportsExactDiagnostics(name: String) throws {
        let root = "\(Fixtures.folder)/invalid/\(name)"
        if ProcessInfo.processInfo.environment["WAYMARK_UPDATE_GOLDEN"] != nil {
            try (Fixtures.diagnostics(root: root).joined(separator: "\n") + "\n").write(toFile: "\(root)/expected.txt", atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: "\(root)/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(Fixtures.diagnostics(root: root) == expected)
    }
}
