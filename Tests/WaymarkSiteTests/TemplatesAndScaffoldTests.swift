import Foundation
import Testing
@testable import WaymarkSite

/// The binary carries the repository's templates and example project; these must not drift.
@Suite struct TemplatesAndScaffoldTests {
    func filesOnDisk(_ folders: [String]) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: "\(Fixtures.repository)/\(folder)")
            while let path = enumerator?.nextObject() as? String {
                let full = "\(Fixtures.repository)/\(folder)/\(path)"
                var isDirectory: ObjCBool = false
                guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files["\(folder)/\(path)"] = Array(FileManager.default.contents(atPath: full) ?? Data())
            }
        }
        return files
    }

    @Test func everyTemplateFileIsCompiledIn() throws {
        let onDisk = try filesOnDisk(["templates"])
        #expect(Set(onDisk.keys.map { String($0.dropFirst("templates/".count)) }) == Set(DefaultTemplates.files.keys))
        for (path, bytes) in onDisk {
            #expect(DefaultTemplates.files[String(path.dropFirst("templates/".count))].map { $0 == bytes } == true, "\(path) differs from the compiled-in copy")
        }
    }

    @Test func scaffoldMatchesTheExampleProject() throws {
        let scaffold = ProjectScaffold.files
        let onDisk = try filesOnDisk(["content", "templates"])
        #expect(scaffold.keys.sorted() == onDisk.keys.sorted(), "run 'make scaffold'")
        for (path, bytes) in onDisk { #expect(scaffold[path].map { $0 == bytes } == true, "\(path) changed: run 'make scaffold'") }
    }
}
