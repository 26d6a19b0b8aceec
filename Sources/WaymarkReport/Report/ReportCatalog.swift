import WaymarkCore

/// What the manifest says about the tokens seen in the logs: the item each token counts for
/// (retired tokens included, under their old item) and each trail's stops in order.
struct ReportCatalog {
    /// One stop or pet; several tokens may count for it (a retired one and its replacement).
    struct Item {
        var source: String
        var title: String
        var kind: TokenKind
        var tokens: [String]
        /// Active unless every token of the item is retired.
        var retired: Bool
        /// For stops: the trail folder and the stop's `NN`.
        var trail: String?
        var position: Int?
    }

    struct Trail {
        var slug: String
        /// Stop items in `NN` order (retired-only stops are left out: they are no longer on the trail).
        var stops: [Item]
    }

    var title: String
    var items: [Item]
    var trails: [Trail]
    private var itemByToken: [String: Int]

    /// The catalog of `site`, which may be missing from the manifest (then every token is an orphan).
    init(manifest: Manifest?, site: String) {
        title = manifest?.sites[site]?.title ?? site
        var bySource: [String: Item] = [:]
        for (token, entry) in manifest?.tokens ?? [:] where entry.site.rawValue == site {
            var item = bySource[entry.source] ?? Item(source: entry.source, title: entry.title, kind: entry.kind, tokens: [], retired: true)
            item.tokens.append(token)
            if entry.status == .active {
                item.retired = false
                item.title = entry.title
            }
            (item.trail, item.position) = Self.trailPosition(entry.source, site: site)
            bySource[entry.source] = item
        }
        items = bySource.values.map { item in
            var sorted = item
            sorted.tokens.sort()
            return sorted
        }.sorted { ($0.trail ?? "", $0.position ?? 0, $0.source) < ($1.trail ?? "", $1.position ?? 0, $1.source) }
        itemByToken = [:]
        for (index, item) in items.enumerated() { for token in item.tokens { itemByToken[token] = index } }
        trails = Dictionary(grouping: items.filter { $0.kind == .stop && $0.trail != nil && !$0.retired }, by: { $0.trail! })
            .map { Trail(slug: $0.key, stops: $0.value) }
            .sorted { $0.slug < $1.slug }
    }

    /// The index in `items` of the item `token` counts for; nil for an orphan.
    func item(for token: String) -> Int? { itemByToken[token] }

    /// `content/<site>/trails/<trail>/NN-<slug>.md` → (trail, NN).
    private static func trailPosition(_ source: String, site: String) -> (String?, Int?) {
        let parts = source.split(separator: "/")
        guard parts.count == 5, parts[0] == "content", parts[1] == site, parts[2] == "trails" else { return (nil, nil) }
        let digits = parts[4].prefix { $0.isASCII && $0.isNumber }
        return (String(parts[3]), Int(digits))
    }
}
