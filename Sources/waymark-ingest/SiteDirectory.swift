import WaymarkCore

/// The manifest compiled for lookups: which site a `Host` or an `Origin` belongs to, and tokens.
final class SiteDirectory: Sendable {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// A token validated once at load, so requests never re-validate it character by character,
    /// with its redirect encoded once.
    final class TokenRecord: Sendable {
        let token: Token
        let entry: Manifest.Entry
        /// The 302 to `entry.target`.
        let redirect: IngestResponse

        init(token: Token, entry: Manifest.Entry) {
            self.token = token
            self.entry = entry
            redirect = IngestResponse.redirect(to: entry.target).encodedAhead()
        }
    }

    /// A site's origin, with the CORS answers for it encoded once.
    final class OriginRecord: Sendable {
        /// `scheme://host[:port]`, as CORS answers with it.
        let origin: String
        let site: SiteID
        /// The 204 for an accepted beacon.
        let beaconAccepted: IngestResponse
        /// The 204 for a CORS preflight.
        let preflight: IngestResponse

        init(origin: String, site: SiteID) {
            self.origin = origin
            self.site = site
            beaconAccepted = IngestResponse.beaconAccepted(origin: origin).encodedAhead()
            preflight = IngestResponse.preflight(origin: origin).encodedAhead()
        }
    }

    let manifest: Manifest
    /// `host[:port]` of every site's `short_url` and `base_url` → site.
    let siteByHost: [String: SiteID]
    /// `scheme://host[:port]` of every site's `base_url` → its origin record.
    let siteByOrigin: [String: OriginRecord]
    let tokens: [String: TokenRecord]
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
        var tokens: [String: TokenRecord] = [:]
        for (text, entry) in manifest.tokens {
            guard let token = Token(text) else { throw Problem(description: "token '\(text)' is not valid") }
            // The target goes into a Location header: no spaces or control characters.
            guard URLParts(entry.target) != nil, !entry.target.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
                throw Problem(description: "token \(text): target '\(entry.target)' is not an absolute URL")
            }
            tokens[text] = TokenRecord(token: token, entry: entry)
        }
        self.manifest = manifest
        siteByHost = hosts
        siteByOrigin = origins.reduce(into: [:]) { $0[$1.key] = OriginRecord(origin: $1.key, site: $1.value) }
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
    func site(origin value: String) -> OriginRecord? {
        if let record = siteByOrigin[value] { return record }
        guard let parts = URLParts(value) else { return nil }
        return siteByOrigin[parts.origin]
    }

    /// What a token means on `site`.
    enum Lookup {
        case active(TokenRecord)
        case retired(TokenRecord)
        /// The token exists, on another site: treated as unknown, counted apart.
        case otherSite
        case unknown
    }

    /// `text` as typed in a URL or sent in a beacon: ASCII upper-cased (Crockford base32 is
    /// case-insensitive), one trailing slash allowed.
    func lookup(_ text: Substring, on site: SiteID) -> Lookup {
        guard let record = record(text) else { return .unknown }
        guard record.entry.site == site else { return .otherSite }
        return record.entry.status == .active ? .active(record) : .retired(record)
    }

    private func record(_ text: Substring) -> TokenRecord? {
        let utf8 = text.utf8
        // As printed (upper case, no slash) the text is the key already: no copy to normalise.
        if (1...32).contains(utf8.count), utf8.allSatisfy({ $0 != UInt8(ascii: "/") && !($0 >= 0x61 && $0 <= 0x7A) }) {
            return tokens[String(text)]
        }
        var bytes = Array(utf8)
        if bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard (1...32).contains(bytes.count) else { return nil }
        for index in bytes.indices where bytes[index] >= 0x61 && bytes[index] <= 0x7A { bytes[index] -= 0x20 }
        return tokens[String(decoding: bytes, as: UTF8.self)]
    }
}
