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

    var isExternal: Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }
}
