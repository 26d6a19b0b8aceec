import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// A new QR folder is written while the pages render: it lands exactly as the writer would have
/// written it, and a build that fails afterwards leaves neither it nor its staging folder behind.
@Suite struct PrestagedTreesTests {
    let stop = "content/hollowcreek/trails/foxglove-wood-family-trail/02-badger-bank.md"

    /// Every path below `folder`, files and folders, hidden ones included.
    func everything(under folder: String) -> [String] {
        ((FileManager.default.subpaths(atPath: folder)) ?? []).sorted()
    }

    @Test func aTreeStartedEarlyLandsWithItsBytesAndStamps() throws {
        let root = try OutputFixtures.folder("waymark-prestaged-")
        var codes = OutputTree()
        for number in 0..<50 { codes.add("code-\(number).svg", "svg \(number)") }
        let prestaged = PrestagedTrees(root: root)
        prestaged.start("_print/acme/qr", tree: codes)
        let outcome = try OutputWriter(root: root).replace(
            ["_print/acme/qr": .tree(codes), "acme": .tree(OutputFixtures.tree(["index.html": "home"]))],
            inventory: nil, prestaged: prestaged
        )
        prestaged.discard()

        for (name, bytes) in codes.files {
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(root)/_print/acme/qr/\(name)")) == Data(bytes))
            #expect(outcome.stamps["_print/acme/qr/\(name)"] == FileStamp(path: "\(root)/_print/acme/qr/\(name)"))
        }
        #expect(outcome.statistics.written == 51)
        #expect(!everything(under: root).contains { $0.contains(".waymark-new") })
    }

    @Test func aTreeWhoseFolderExistsIsLeftToTheWriter() throws {
        let root = try OutputFixtures.folder("waymark-prestaged-")
        try FileManager.default.createDirectory(atPath: "\(root)/_print/acme/qr", withIntermediateDirectories: true)
        let prestaged = PrestagedTrees(root: root)
        prestaged.start("_print/acme/qr", tree: OutputFixtures.tree(["a.svg": "a"]))
        #expect(prestaged.take("_print/acme/qr") == nil)
        #expect(everything(under: root) == ["_print", "_print/acme", "_print/acme/qr"])
    }

    @Test func aFirstBuildThatFailsAfterItsCodesLeavesNoOutputFolder() throws {
        let project = try IncrementalProject()
        try project.write(stop, try project.read(stop) + "\nSee [the lost glade](/trails/no-such-trail/).\n")
        #expect(throws: DiagnosticsError.self) { try project.build() }
        #expect(!FileManager.default.fileExists(atPath: project.root + "/site"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputAsItWas() throws {
        let project = try IncrementalProject()
        try project.build()
        // Without its QR folders, the next build writes them early again.
        try FileManager.default.removeItem(atPath: project.root + "/site/_print")
        let before = project.output
        try project.write(stop, try project.read(stop) + "\nSee [the lost glade](/trails/no-such-trail/).\n")
        #expect(throws: DiagnosticsError.self) { try project.build() }
        let after = project.output
        #expect(after.keys.sorted() == before.keys.sorted())
        let sameBytes = after == before
        #expect(sameBytes, "every file keeps its bytes")
        #expect(!everything(under: project.root + "/site").contains { $0.contains(".waymark-new") })
        #expect(!FileManager.default.fileExists(atPath: project.root + "/site/_print"))
    }
}
