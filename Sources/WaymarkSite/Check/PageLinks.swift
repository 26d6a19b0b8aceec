import WaymarkNative

/// What the link check needs from one rendered page: the links it contains and the anchors it
/// offers. Read once per page with libxml2's HTML parser (and kept in the build cache for unchanged pages).
struct PageLinks: Sendable, Equatable {
    /// Every `a@href`, `img@src`, `link@href` and `script@src`, sorted, without repeats.
    var urls: [String] = []
    /// Every element id, sorted.
    var ids: [String] = []

    init() {}

    /// Reads an HTML page (a file that is not HTML has neither links nor ids), without parsing
    /// the `fragments` it embeds: each one found in the page is cut out before the parse and adds
    /// its known ids. A Markdown body is most of a page, and reading it back was a tenth of a
    /// full build's CPU. Its links are content links, which the link check already has from the
    /// Markdown and leaves out of the template links (`urls` then lacks them). A fragment the
    /// page does not hold verbatim is parsed with the rest.
    init(html: String, skipping fragments: [KnownFragment] = []) {
        var rest = html
        var known: [String] = []
        for fragment in fragments where !fragment.html.isEmpty {
            guard let range = ByteSearch.range(of: fragment.html, in: rest) else { continue }
            rest.removeSubrange(range)
            known += fragment.ids
        }
        let found = HTMLAttributeReader.values(Self.selectors, in: rest)
        urls = Set(found[0...3].joined()).sorted()
        ids = Set(found[4] + known).sorted()
    }

    /// HTML whose links and ids are known without reading it.
    struct KnownFragment {
        var html: String
        /// The ids of its elements.
        var ids: [String]
    }

    /// `a@href`, `img@src`, `link@href`, `script@src`, and `id` on any element.
    private static let selectors: [HTMLAttributeReader.Selector] = [
        .init(element: "a", attribute: "href"), .init(element: "img", attribute: "src"),
        .init(element: "link", attribute: "href"), .init(element: "script", attribute: "src"),
        .init(attribute: "id"),
    ]
}
