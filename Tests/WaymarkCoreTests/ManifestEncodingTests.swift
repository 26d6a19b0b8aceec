import Foundation
import Testing
import WaymarkCore

/// `Manifest.encoded()` writes its JSON itself; these hold it to the bytes Foundation's encoder
/// writes with the same options, which is what every earlier manifest was.
@Suite struct ManifestEncodingTests {
    static func foundationBytes(_ manifest: Manifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(manifest) + [0x0A]
    }

    static func entry(_ site: String, _ kind: TokenKind, title: String, status: Manifest.Status = .active) -> Manifest.Entry {
        Manifest.Entry(
            site: SiteID(site)!, kind: kind, status: status, target: "https://\(site).example/trails/a/b/",
            payload: "https://\(site).example/t/X/", title: title, source: "content/\(site)/trails/a/01-b.md"
        )
    }

    @Test func anEmptyManifestIsWhatFoundationWrites() throws {
        let manifest = Manifest()
        #expect(manifest.encoded() == (try Self.foundationBytes(manifest)))
        #expect(String(decoding: manifest.encoded(), as: UTF8.self).contains("\"sites\" : {\n\n  },"))
    }

    @Test func sitesWithAndWithoutTheirOptionalURLsAreWhatFoundationWrites() throws {
        let manifest = Manifest(sites: [
            "acme": .init(title: "Acme", baseURL: "https://acme.example"),
            "zeta": .init(title: "Zeta", baseURL: "https://zeta.example/walks", shortURL: "https://z.example", beaconURL: "https://ingest.example/b"),
            "beta": .init(title: "Beta", baseURL: "https://beta.example", beaconURL: "https://ingest.example/b"),
        ])
        #expect(manifest.encoded() == (try Self.foundationBytes(manifest)))
    }

    @Test func tokensInEveryOrderAndAwkwardTitlesAreWhatFoundationWrites() throws {
        // Keys sort by bytes: digits before upper case, "10AB" before "9ZZZ".
        let titles = [
            "Plain", "Quote \" and backslash \\ and slash /", "Tab\tnew line\nreturn\r", "\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "Café · Straße · 日本 · 🐕‍🦺", "Line\u{2028}separator", "<b>&amp;'</b>", "",
        ]
        var tokens: [String: Manifest.Entry] = [:]
        for (index, key) in ["9ZZZ", "10AB", "0000T9", "0029JX", "7KQ2MX", "A0", "00A", "ZZZZZZZZ"].enumerated() {
            tokens[key] = Self.entry(index.isMultiple(of: 2) ? "acme" : "paws", index.isMultiple(of: 3) ? .pet : .stop,
                                     title: titles[index % titles.count], status: index == 5 ? .retired : .active)
        }
        let manifest = Manifest(sites: ["acme": .init(title: "Acme \"Trails\"", baseURL: "https://acme.example")], tokens: tokens)
        let bytes = manifest.encoded()
        #expect(bytes == (try Self.foundationBytes(manifest)), "\(String(decoding: bytes, as: UTF8.self))")
        #expect(try Manifest.decode(bytes) == manifest)
    }
}
