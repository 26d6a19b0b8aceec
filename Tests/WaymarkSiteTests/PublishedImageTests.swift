import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// Photos are published without location or camera metadata, under a content-hashed name whose
/// extension follows the real format; the original stays untouched in content/.
@Suite struct PublishedImageTests {
    let site: OutputTree

    init() throws {
        let result = try SiteBuilder(options: .init(root: Fixtures.folder + "/media", today: Fixtures.today)).check()
        site = try #require(result.rendered[SiteID("acme")!]).site
    }

    var media: [(path: String, bytes: [UInt8])] {
        site.files.filter { $0.key.hasPrefix("media/") }.map { ($0.key, $0.value) }.sorted { $0.path < $1.path }
    }

    @Test func theFixtureReallyCarriesGPS() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/media/content/acme/pets/rex.jpg")))
        let exif = ImageBytes.jpegSegments(original).filter { $0.marker == 0xE1 }
        #expect(exif.count == 1)
        #expect(ImageBytes.contains(original, "PhoneMaker"))
    }

    @Test func publishedJPEGHasNoExifOrGPS() throws {
        let jpegs = media.filter { $0.path.hasSuffix(".jpg") }
        // rex.jpg is used twice and actually-a-jpeg.png is the same bytes: one published copy.
        #expect(jpegs.count == 1)
        for (_, bytes) in jpegs {
            let segments = ImageBytes.jpegSegments(bytes)
            #expect(!segments.contains { $0.marker == 0xE1 }, "an APP1 (Exif/XMP) segment survived")
            #expect(!ImageBytes.contains(bytes, "Exif"))
            #expect(!ImageBytes.contains(bytes, "PhoneMaker"))
            #expect(segments.contains { $0.marker == 0xC0 || $0.marker == 0xC2 }, "the frame header must remain")
            #expect(Array(bytes.suffix(2)) == [0xFF, 0xD9])
        }
    }

    @Test func publishedPNGHasNoTextOrExifChunks() throws {
        let pngs = media.filter { $0.path.hasSuffix(".png") }
        #expect(pngs.count == 1)
        let chunks = ImageBytes.pngChunks(pngs[0].bytes)
        #expect(chunks.first == "IHDR" && chunks.last == "IEND" && chunks.contains("IDAT"))
        #expect(!chunks.contains("eXIf") && !chunks.contains("tEXt") && !chunks.contains("iTXt") && !chunks.contains("zTXt"))
        #expect(!ImageBytes.contains(pngs[0].bytes, "Wharf Lane"))
    }

    @Test func pagesLinkThePublishedCopies() throws {
        let gallery = try #require(site["gallery/index.html"])
        let jpeg = try #require(media.first { $0.path.hasSuffix(".jpg") }?.path)
        #expect(gallery.contains("<img src=\"/\(jpeg)\" alt=\"Renamed photo\""))
        #expect(!gallery.contains("actually-a-jpeg.png"))
        #expect(try #require(site["pets/rex/index.html"]).contains("<img class=\"photo\" src=\"/\(jpeg)\" alt=\"Photo of Rex\">"))
    }
}
