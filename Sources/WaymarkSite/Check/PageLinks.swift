import WaymarkNative

/// What the link check needs from one rendered page: the links it contains and the anchors it
/// offers. Read once per page with libxml2's HTML parser (and kept in the build cache for unchanged pages).
struct PageLinks: Sendable, Equatable {
    /// Every `a@href`, `img@src`, `link@href` and `script@src`, sorted, without repeats.
    var urls: [String] = []
    /// Every element id, sorted.
    var ids: [String] = []

    init() {}

    /// Reads an HTML page; a file that is not HTML has neither links nor ids.
    init(html: String) {
        let found = HTMLAttributeReader.values(Self.selectors, in: html)
        urls = Set(found[0...3].joined()).sorted()
        ids = Set(found[4]).sorted()
    }

    /// `a@href`, `img@src`, `link@href`, `script@src`, and `id` on any element.
    private static let selectors: [HTMLAttributeReader.Selector] = [
        .init(element: "a", attribute: "href"), .init(element: "img", attribute: "src"),
        .init(element: "link", attribute: "href"), .init(element: "script", attribute: "src"),
        .init(attribute: "id"),
    ]
}
