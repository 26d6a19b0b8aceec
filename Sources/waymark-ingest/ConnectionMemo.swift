import WaymarkScans

/// What a connection worked out for its last request, kept for the next: the manifest directory
/// (checked against the store's generation), and since a keep-alive client (or
/// a proxy forwarding one visitor) sends request after request from one address, with one user
/// agent and often one referrer, so each is worked out once — the visitor hash is two SHA-256
/// blocks, the user agent dozens of substring searches. One per connection, dropped with it;
/// every entry is compared with the new input before it is used, so a change is never missed.
final class ConnectionMemo {
    private var visitor: (address: String, day: UTCDay, hash: String)?
    private var userAgent: (header: String?, summary: UserAgentSummary)?
    private var directory: (directory: SiteDirectory, generation: Int)?
    private var referrer: (url: String?, host: String?)?

    func visitorHash(address: String, on day: UTCDay, using hasher: VisitorHash) -> String {
        if let visitor, visitor.day == day, visitor.address == address { return visitor.hash }
        let hash = hasher.hash(address: address, on: day)
        visitor = (address, day, hash)
        return hash
    }

    /// The manifest's current directory, kept until a reload replaces it.
    func directory(of store: ManifestStore) -> SiteDirectory {
        if let directory, store.generation == directory.generation { return directory.directory }
        let current = store.snapshot
        directory = current
        return current.directory
    }

    /// `UserAgentClassifier.classify(header)`, remembered for the next request's identical header.
    func userAgent(_ header: String?) -> UserAgentSummary {
        // `HTTPFields` hands out the very same string for an unchanged header: == is then immediate.
        if let userAgent, userAgent.header == header { return userAgent.summary }
        let summary = UserAgentClassifier.classify(header)
        userAgent = (header, summary)
        return summary
    }

    /// `reduce(url)` (the referrer's host), remembered for the next request's identical URL.
    func referrerHost(_ url: String?, reduce: (String?) -> String?) -> String? {
        if let referrer, referrer.url == url { return referrer.host }
        let host = reduce(url)
        referrer = (url, host)
        return host
    }
}
