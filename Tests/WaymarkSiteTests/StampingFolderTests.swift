import Foundation
import Testing
@testable import WaymarkSite

/// Stamping a file by name in its open folder gives what stamping it by its whole path gives:
/// a regular file's stamp, and nothing for a link, a folder or a missing name.
@Suite struct StampingFolderTests {
    @Test func aNameInTheOpenFolderIsStampedAsItsPathIs() throws {
        let folder = NSTemporaryDirectory() + "waymark-stamping-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try Data("stop".utf8).write(to: URL(fileURLWithPath: folder + "/01-ridge.md"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: folder + "/01-ridge.md")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let opened = try #require(StampingFolder(path: folder))
        let stamp = try #require(opened.stamp("01-ridge.md"))
        #expect(stamp == FileStamp(path: folder + "/01-ridge.md"))
        #expect(stamp.size == 4)
        for name in ["link.md", "sub", "missing.md"] {
            #expect(opened.stamp(name) == nil, "\(name)")
            #expect(FileStamp(path: "\(folder)/\(name)") == nil, "\(name)")
        }
        // An edit shows in the next stamp, as it does by path.
        try Data("stop, longer".utf8).write(to: URL(fileURLWithPath: folder + "/01-ridge.md"))
        #expect(opened.stamp("01-ridge.md") != stamp)
        #expect(opened.stamp("01-ridge.md") == FileStamp(path: folder + "/01-ridge.md"))
        #expect(StampingFolder(path: folder + "/01-ridge.md") == nil, "a file is not a folder")
    }
}
