import Foundation
import XCTest
@testable import WaymarkNative

/// The folder listing the output walk is made of: every entry once, with its kind, across as
/// many `getdents64` calls as a big folder needs, and the same for every folder it reads with
/// one reader.
final class FolderReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testListsFilesFoldersAndLinksWithTheirKinds() throws {
        try Data("a".utf8).write(to: folder.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("stop-01"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "index.html")
        var reader = FolderReader()
        let entries = try XCTUnwrap(listing(folder.path, with: &reader))
        XCTAssertEqual(entries.sorted { $0.name < $1.name }, [
            .init(name: "index.html", kind: .file), .init(name: "link", kind: .other), .init(name: "stop-01", kind: .folder),
        ])
    }

    func testABigFolderIsListedWhole() throws {
        // About 80 bytes a record: 3,000 of them need several 32 KiB reads.
        let names = (0 ..< 3000).map { String(format: "token-%05d-with-a-name-long-enough-to-fill-the-buffer-sooner.svg", $0) }
        for name in names { XCTAssertTrue(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)) }
        var reader = FolderReader()
        let entries = try XCTUnwrap(listing(folder.path, with: &reader))
        XCTAssertEqual(entries.map(\.name).sorted(), names)
        XCTAssertTrue(entries.allSatisfy { $0.kind == .file })
        // The same reader reads the next folder from the start.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        XCTAssertEqual(try XCTUnwrap(listing(empty.path, with: &reader)), [])
    }

    func testAFileIsNotAFolder() throws {
        let file = folder.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: file)
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        defer { close(descriptor) }
        var reader = FolderReader()
        XCTAssertNil(reader.entries(of: descriptor))
    }

    private func listing(_ path: String, with reader: inout FolderReader) -> [FolderReader.Entry]? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return reader.entries(of: descriptor)
    }
}
