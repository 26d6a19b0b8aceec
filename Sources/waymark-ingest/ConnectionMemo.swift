import WaymarkScans

/// What a connection worked out for its last request, kept for the next: the manifest directory
/// (checked against the store's generation), and since a keep-alive client (or
/// a proxy forwarding one visitor) sends request after request from one address, with one user
/// agent and often one referrer, so each is worked out once — the visitor hash is two SHA-256
/// blocks, the user agent dozens of substring searches. One per connection, dropped with it;
/// every entry is compared with the new input before it is used, so a change is never missed.
final class ConnectionMemo {
    private var client = ""
    private var day: UTCDay?
    private var visitorHash = ""

    private var userAgent: String?
    private var userAgentSummary: UserAgentSummary?

    private var directory: SiteDirectory?
    private var directoryGeneration = -1

    private var referrer: String?
    private var referrerHost: String?
    private var hasReferrer = false

    func visitorHash(address: String, on day: UTCDay, using hasher: VisitorHash) -> String {
        if day == self.day, address == client { return visitorHash }
        visitorHash = hasher.hash(address: address, on: day)
        client = address
        self.day = day
        return visitorHash
    }

    /// The manifest's current directory, kept until a reload replaces it.
    func directory(of store: ManifestStore) -> SiteDirectory {
        if let directory, store.generation == directoryGeneration { return directory }
        let (current, generation) = store.snapshot
        directory = current
        directoryGeneration = generation
        return current
    }

    /// `UserAgentClassifier.classify(header)`, remembered for the next request's identical header.
    func userAgent(_ header: String?) -> UserAgentSummary {
        // `HTTPFields` hands out the very same string for an unchanged header: == is then immediate.
        if let userAgentSummary, header == userAgent { return userAgentSummary }
        let summary = UserAgentClassifier.classify(header)
        userAgent = header
        userAgentSummary = summary
        return summary
    }

    /// `reduce(url)` (the referrer's host), remembered for the next request's identical URL.
    func referrerHost(_ url: String?, reduce: (String?) -> String?) -> String? {
        if hasReferrer, url == referrer { return referrerHost }
        referrerHost = reduce(url)
        referrer = url
        hasReferrer = true
        return referrerHost
    }
}
