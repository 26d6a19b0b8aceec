import Foundation
import Testing
@testable import WaymarkSite

/// Every input libFuzzer ever crashed or hung on (kept from `make fuzz`) and its seeds go through
/// the same harness on every test run: they must produce diagnostics or pages, nothing worse.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = ["seeds", "crashers"].flatMap { folder in
        let path = "\(Fixtures.folder)/fuzz/\(folder)"
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test(arguments: inputs)
    func inputIsHandled(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.folder)/fuzz/\(name)"))
        FuzzHarness.run(data)
    }
}
