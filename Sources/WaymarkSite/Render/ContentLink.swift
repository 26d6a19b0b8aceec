import WaymarkCore

/// A link written in content, kept for the link check after every page is rendered.
struct ContentLink: Sendable, Equatable {
    /// Site path of the page the link appears on.
    var page: String
    /// As published (root-relative links already carry the site's path prefix).
    var url: String
    var location: SourceLocation
    /// Already reported (an image that could not be published): not checked again.
    var reported = false

    var isExternal: Bool { Self.isExternal(url) }

    /// Whether `url` points off the site: `http://` or `https://` in any case, or protocol-relative.
    static func isExternal(_ url: String) -> Bool {
        startsCaseInsensitive(url, with: "http://") || startsCaseInsensitive(url, with: "https://") || url.utf8.starts(with: "//".utf8)
    }

    /// `text` begins with the lower-case ASCII `prefix` in any case; on bytes (lower-casing every
    /// URL made a string per link).
    private static func startsCaseInsensitive(_ text: String, with prefix: String) -> Bool {
        text.utf8.count >= prefix.utf8.count && zip(text.utf8, prefix.utf8).allSatisfy { byte, wanted in
            (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == wanted : byte == wanted
        }
    }
}
