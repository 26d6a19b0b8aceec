/// An absolute `http(s)` URL with no query or fragment, split into origin and path prefix so a site
/// can live below a path (`https://example.org/trails`).
public struct SiteURL: Hashable, Sendable, CustomStringConvertible {
    /// `https://example.org` — scheme and host (and port), no trailing slash.
    public let origin: String
    /// `""` or `/trails` — never a trailing slash.
    public let pathPrefix: String

    public init?(_ text: String) {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !text.contains("?"), !text.contains("#"), !text.contains(" ")
        else { return nil }
        let afterScheme = text.index(text.firstIndex(of: ":")!, offsetBy: 3)
        let rest = text[afterScheme...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = rest[..<slash]
        guard !host.isEmpty else { return nil }
        origin = String(text[..<slash])
        var path = String(rest[slash...])
        // Only unreserved characters: the prefix is written into server rules and pages unquoted.
        guard path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._~/".contains($0)) }) else { return nil }
        while path.hasSuffix("/") { path.removeLast() }
        pathPrefix = path
    }

    /// The site-absolute path for a site path such as `/trails/x/` (what links in pages use).
    public func path(_ sitePath: String) -> String { pathPrefix + sitePath }

    /// The absolute URL for a site path (what canonical links, sitemaps and the manifest use).
    public func absolute(_ sitePath: String) -> String { origin + pathPrefix + sitePath }

    public var description: String { origin + pathPrefix }
}
