import Foundation
import Testing
@testable import WaymarkSite

/// Output is replaced only after everything was written: a write error mid-way changes nothing.
@Suite struct OutputWriterTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "waymark-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func tree(_ files: [String: String]) -> OutputTree {
        var tree = OutputTree()
        for (path, text) in files { tree.add(path, text) }
        return tree
    }

    @Test func replacesEntriesAndLeavesOthersAlone() throws {
        let root = try folder()
        try "keep".write(toFile: "\(root)/README.md", atomically: true, encoding: .utf8)
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["index.html": "one", "old.html": "stale"]))])
        try writer.replace(["acme": .tree(tree(["index.html": "two"])), "_manifest.json": .file(Array("{}".utf8))])
        #expect(try String(contentsOfFile: "\(root)/acme/index.html", encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/acme/old.html"))
        #expect(try String(contentsOfFile: "\(root)/README.md", encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["README.md", "_manifest.json", "acme"])
    }

    @Test func aWriteErrorLeavesThePreviousOutputByteForByte() throws {
        let root = try folder()
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["index.html": "published"]))])
        // "page" is written as a file and then needed as a folder: the file system refuses (ENOTDIR).
        let broken = tree(["index.html": "new", "page": "x", "page/index.html": "y"])
        #expect(throws: (any Error).self) { try writer.replace(["acme": .tree(broken), "beta": .tree(tree(["index.html": "b"]))]) }
        #expect(try String(contentsOfFile: "\(root)/acme/index.html", encoding: .utf8) == "published")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["acme"], "no staging folder or half-written site left behind")
    }
}
