import Foundation
import Testing
@testable import WaymarkSite

/// Output changes only where the build's bytes changed, and a failed write changes nothing.
@Suite struct OutputWriterTests {
    func folder() throws -> String { try OutputFixtures.folder() }
    func tree(_ files: [String: String]) -> OutputTree { OutputFixtures.tree(files) }

    func modified(_ path: String) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    @Test func replacesEntriesRemovesWhatIsGoneAndLeavesOthersAlone() throws {
        let root = try folder()
        try "keep".write(toFile: "\(root)/README.md", atomically: true, encoding: .utf8)
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["index.html": "one", "old/index.html": "stale"]))])
        let statistics = try writer.replace(["acme": .tree(tree(["index.html": "two"])), "_manifest.json": .file(Array("{}".utf8))])
        #expect(statistics == .init(written: 2, unchanged: 0, removed: 1))
        #expect(try String(contentsOfFile: "\(root)/acme/index.html", encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/acme/old"), "the emptied folder goes too")
        #expect(try String(contentsOfFile: "\(root)/README.md", encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["README.md", "_manifest.json", "acme"])
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let root = try folder()
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["a.html": "same", "b.html": "old"]))])
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for name in ["a.html", "b.html"] {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: "\(root)/acme/\(name)")
        }
        let statistics = try writer.replace(["acme": .tree(tree(["a.html": "same", "b.html": "new"]))])
        #expect(statistics == .init(written: 1, unchanged: 1, removed: 0))
        #expect(try modified("\(root)/acme/a.html") == past)
        #expect(try modified("\(root)/acme/b.html") != past)
    }

    @Test func aWriteErrorLeavesThePreviousOutputByteForByte() throws {
        let root = try folder()
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["index.html": "published", "z/page.html": "z"]))])
        // Where the new z/page.html must be staged stands a folder: the write fails half-way,
        // after index.html was already staged.
        try FileManager.default.createDirectory(atPath: "\(root)/acme/z/.page.html.waymark-new", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try writer.replace(["acme": .tree(tree(["index.html": "new", "z/page.html": "new z"]))])
        }
        #expect(try String(contentsOfFile: "\(root)/acme/index.html", encoding: .utf8) == "published")
        #expect(try String(contentsOfFile: "\(root)/acme/z/page.html", encoding: .utf8) == "z")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/acme/.index.html.waymark-new"), "staged files are cleaned up")
    }

    @Test func aTreeWithAFileThatIsAlsoAFolderIsRefusedBeforeWriting() throws {
        let root = try folder()
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["index.html": "published"]))])
        #expect(throws: OutputError.self) { try writer.replace(["acme": .tree(tree(["index.html": "new", "page": "x", "page/index.html": "y"]))]) }
        #expect(try String(contentsOfFile: "\(root)/acme/index.html", encoding: .utf8) == "published")
    }
}
