import WaymarkCore

/// The manifest compiled for lookups: which site a `Host` or an `Origin` belongs to, and tokens.
struct SiteDirectory: Sendable {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    let manifest: Manifest
    /// `host[:port]` of every site's `short_url` and `base_url` → site.
    let siteByHost: [String: SiteID]
    /// `scheme://host[:port]` of every site's `base_url` → site.
    let siteByOrigin: [String: SiteID]

    init(_ manifest: Manifest) throws(Problem) {
        var hosts: [String: SiteID] = [:], origins: [String: SiteID] = [:]
        for (name, site) in manifest.sites.sorted(by: { $0.key < $1.key }) {
            guard let id = SiteID(name) else { throw Problem(description: "site id '\(name)' is not valid") }
            guard let base = URLParts(site.baseURL) else { throw Problem(description: "site \(name): base_url '\(site.baseURL)' is not an absolute URL") }
            var urls = [base]
            if let short = site.shortURL {
                guard let parts = URLParts(short) else { throw Problem(description: "site \(name): short_url '\(short)' is not an absolute URL") }
                urls.append(parts)
            }
            for url in urls {
                if let other = hosts[url.authority], other != id {
                    throw Problem(description: "host \(url.authority) belongs to both \(other) and \(id): tokens would leak between them")
                }
                hosts[url.authority] = id
            }
            if let other = origins[base.origin], other != id {
                throw Problem(description: "origin \(base.origin) belongs to both \(other) and \(id)")
            }
            origins[base.origin] = id
        }
        self.manifest = manifest
        siteByHost = hosts
        siteByOrigin = origins
    }

    /// What a token means on `site`.
    enum Lookup {
        case active(Manifest.Entry)
        case retired(Manifest.Entry)
        /// The token exists, on another site: treated as unknown, counted apart.
        case otherSite
        case unknown
    }

    func lookup(_ token: Token, on site: SiteID) -> Lookup {
        guard let entry = manifest.tokens[token.rawValue] else { return .unknown }
        guard entry.site == site else { return .otherSite }
        return entry.status == .active ? .active(entry) : .retired(entry)
    }
}
