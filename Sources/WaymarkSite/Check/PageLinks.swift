import WaymarkNative

/// What the link check needs from one rendered page: the links it contains and the anchors it
/// offers. Parsed once per page with libxml2 (and kept in the build cache for unchanged pages).
struct PageLinks: Sendable, Equatable {
    /// Every `a@href`, `img@src`, `link@href` and `script@src`, sorted, without repeats.
    var urls: [String] = []
    /// Every element id, sorted.
    var ids: [String] = []

    init() {}

    /// Parses an HTML page; a file that is not HTML has neither links nor ids.
    init(html: String) {
        guard let document = HTMLDocument(html) else { return }
        urls = Set(document.strings("//a/@href | //img/@src | //link/@href | //script/@src")).sorted()
        ids = Set(document.strings("//@id")).sorted()
    }
}
