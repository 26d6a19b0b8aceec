import Foundation
import Testing
@testable import WaymarkSite

/// New folders are written a folder per task on every core: every file lands with its bytes and
/// its stamp, whatever the order the tasks ran in, and a clash is refused before anything is written.
@Suite struct FreshFolderWriterTests {
    func folder() throws -> String { try OutputFixtures.folder("waymark-fresh-") }
    func tree(_ files: [String: String]) -> OutputTree { OutputFixtures.tree(files) }

    /// Everything below `root`, as "path: content" for files and "path/" for folders, sorted.
    func listing(_ root: String) throws -> [String] {
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root) as [String]?)
        return try paths.sorted().map { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isFolder)
            return isFolder.boolValue ? path + "/" : "\(path): " + (try String(contentsOfFile: "\(root)/\(path)", encoding: .utf8))
        }
    }

    @Test func writesSeveralTreesWithEveryFileStamped() throws {
        let root = try folder()
        // One wide folder (as the QR codes) and one deep tree (as the pages), written together.
        var codes = OutputTree()
        for number in 0..<300 { codes.add("code-\(number).svg", "svg \(number)") }
        var pages = OutputTree()
        pages.add("index.html", "home")
        for trail in 0..<20 {
            pages.add("trails/t\(trail)/index.html", "trail \(trail)")
            for stop in 0..<5 { pages.add("trails/t\(trail)/s\(stop)/index.html", "stop \(trail).\(stop)") }
        }
        for job in ["codes", "pages"] { try FileManager.default.createDirectory(atPath: "\(root)/\(job)", withIntermediateDirectories: false) }
        let stamps = try FreshFolderWriter.write([
            .init(tree: codes, folder: "\(root)/codes", path: "_print/qr", target: "\(root)/qr"),
            .init(tree: pages, folder: "\(root)/pages", path: "acme", target: "\(root)/site"),
        ])

        for (name, tree) in [("codes", codes), ("pages", pages)] {
            for (path, bytes) in tree.files {
                #expect(try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(name)/\(path)")) == Data(bytes))
            }
        }
        // Every file stamped once, keyed by its path below the output folder.
        let expected = codes.files.keys.map { "_print/qr/\($0)" } + pages.files.keys.map { "acme/\($0)" }
        #expect(stamps.map(\.0).sorted() == expected.sorted())
        for (path, stamp) in stamps {
            let written = path.hasPrefix("acme/") ? "\(root)/pages/" + path.dropFirst(5) : "\(root)/codes/" + path.dropFirst(10)
            #expect(FileStamp(path: written) == stamp, "\(path) is stamped as written")
        }
        #expect(try listing("\(root)/pages").filter { $0.hasSuffix("/") }.count == 1 + 20 + 100, "trails/, each trail, each stop")
    }

    @Test func aPathThatIsBothAFileAndAFolderIsRefusedAndNothingIsWritten() throws {
        let root = try folder()
        var tree = OutputTree()
        tree.add("index.html", "home")
        tree.add("trails/a", "a file")
        tree.add("trails/a/index.html", "a page below it")
        #expect {
            try OutputWriter(root: root).replace(["_print/acme/qr": .tree(tree)])
        } throws: { error in
            "\(error)" == "\(root)/_print/acme/qr/trails/a would be both a file and a folder"
        }
        #expect(try listing(root) == [], "neither the staging folder nor the folders made for it are left")
    }

    @Test func aFailedWriteLeavesNoNewFolderBehind() throws {
        let root = try folder()
        let writer = OutputWriter(root: root)
        try writer.replace(["acme": .tree(tree(["index.html": "published"]))])
        // A file where the fresh tree's parent folder must be: staging the new tree fails.
        try "in the way".write(toFile: "\(root)/_print", atomically: true, encoding: .utf8)
        var codes = OutputTree()
        codes.add("A.svg", "a")
        #expect(throws: OutputError.self) {
            try writer.replace(["acme": .tree(tree(["index.html": "new"])), "_print/acme/qr": .tree(codes)])
        }
        #expect(try listing(root) == ["_print: in the way", "acme/", "acme/index.html: published"])
    }
}
