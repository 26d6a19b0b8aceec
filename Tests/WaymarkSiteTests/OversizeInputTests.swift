import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// Files too large to be real content are refused with a clear message, quickly.
@Suite struct OversizeInputTests {
    func project(_ files: [String: Data]) throws -> String {
        let root = NSTemporaryDirectory() + "waymark-oversize-" + UUID().uuidString
        for (path, data) in files {
            let url = URL(fileURLWithPath: "\(root)/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    let site = Data("id: acme\ntitle: Acme\nbase_url: https://acme.example\n".utf8)

    @Test func aFiftyMegabyteMarkdownFileIsAnError() throws {
        var huge = Data("---\ntitle: Huge\n---\n".utf8)
        huge.append(Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024))
        let root = try project(["content/acme/site.yml": site, "content/acme/pages/huge.md": huge])
        #expect(Fixtures.diagnostics(root: root) == [
            "content/acme/pages/huge.md:1:1: error: file is 50.0 MB; a content file may be at most 4.0 MB",
        ])
    }

    @Test func anImageOverTheLimitIsAnError() throws {
        var jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0])
        jpeg.append(Data(repeating: 0, count: 6 * 1024 * 1024))
        let root = try project([
            "content/acme/site.yml": site,
            "content/acme/pages/gallery.md": Data("---\ntitle: Gallery\n---\n![Big](big.jpg)\n".utf8),
            "content/acme/pages/big.jpg": jpeg,
        ])
        #expect(Fixtures.diagnostics(root: root) == [
            "content/acme/pages/gallery.md:4:1: error: image content/acme/pages/big.jpg is 6.0 MB; images may be at most 5.0 MB",
        ])
    }
}
