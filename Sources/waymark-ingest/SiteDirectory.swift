import WaymarkCore

/// The manifest compiled for lookups: which site a `Host` or an `Origin` belongs to, and tokens.
final class SiteDirectory: Sendable {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    let manifest: Manifest
    /// `host[:port]` of every site's `short_url` and `base_url` → site.
    let siteByHost: [String: SiteID]
    /// `scheme://host[:port]` of every site's `base_url` → site.
    let siteByOrigin: [String: SiteID]
    /// Every token validated once at load, so requests never re-validate character by character.
    let tokens: [String: (token: Token, entry: Manifest.Entry)]
    let siteIDs: [String: SiteID]

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
        var tokens: [String: (token: Token, entry: Manifest.Entry)] = [:]
        for (text, entry) in manifest.tokens {
            guard let token = Token(text) else { throw Problem(description: "token '\(text)' is not valid") }
            // The target goes into a Location header: no spaces or control characters.
            guard URLParts(entry.target) != nil, !entry.target.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
                throw Problem(description: "token \(text): target '\(entry.target)' is not an absolute URL")
            }
            tokens[text] = (token, entry)
        }
        self.manifest = manifest
        siteByHost = hosts
        siteByOrigin = origins
        self.tokens = tokens
        siteIDs = Dictionary(uniqueKeysWithValues: manifest.sites.keys.compactMap { name in SiteID(name).map { (name, $0) } })
    }

    /// The site a `Host` header names. Clients send the host as printed on the code, so it is
    /// looked up as sent before it is normalised (case, default ports).
    func site(host header: String) -> Result<SiteID, Rejection> {
        if let site = siteByHost[header] { return .success(site) }
        guard let host = URLParts.normalizedHostHeader(header) else { return .failure(.badHost) }
        return siteByHost[host].map { .success($0) } ?? .failure(.unknownHost)
    }

    /// The site an `Origin` (or a `Referer`'s origin) belongs to, with the origin in the form CORS
    /// answers with. A browser's `Origin` is already normal, so it is looked up as sent first.
    func site(origin value: String) -> (origin: String, site: SiteID)? {
        if let site = siteByOrigin[value] { return (value, site) }
        guard let parts = URLParts(value), let site = siteByOrigin[parts.origin] else { return nil }
        return (parts.origin, site)
    }

    /// What a token means on `site`.
    enum Lookup {
        case active(Token, Manifest.Entry)
        case retired(Token, Manifest.Entry)
        /// The token exists, on another site: treated as unknown, counted apart.
        case otherSite
        case unknown
    }

    /// `text` as typed in a URL or sent in a beacon: ASCII upper-cased (Crockford base32 is
    /// case-insensitive), one trailing slash allowed.
    func lookup(_ text: Substring, on site: SiteID) -> Lookup {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard (1...32).contains(bytes.count) else { return .unknown }
        for index in bytes.indices where bytes[index] >= 0x61 && bytes[index] <= 0x7A { bytes[index] -= 0x20 }
        guard let (token, entry) = tokens[String(decoding: bytes, as: UTF8.self)] else { return .unknown }
        guard entry.site == site else { return .otherSite }
        return entry.status == .active ? .active(token, entry) : .retired(token, entry)
    }
}
