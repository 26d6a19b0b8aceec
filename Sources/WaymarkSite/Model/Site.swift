import WaymarkCore

/// Everything loaded for one site: its settings, content and token ledger.
public struct Site: Sendable {
    public var config: SiteConfig
    /// The content folder, relative to the project root (`content/<id>`).
    public var folder: String
    public var trails: [Trail]
    public var pets: [Pet]
    public var pages: [Page]
    public var ledger: TokenLedger
    /// Every item file found (site-relative), loaded or not: an item whose file failed to load
    /// still exists, so its token must not be treated as freed.
    public var itemFiles: Set<String>

    public var id: SiteID { config.id }

    /// Every token the content carries now, with what it belongs to.
    public var issuedTokens: [IssuedToken] {
        let stops = trails.flatMap { trail in
            trail.stops.map { IssuedToken(token: $0.token, kind: .stop, title: $0.title, source: $0.source, path: $0.path(in: trail), location: $0.tokenLocation) }
        }
        let pets = pets.map { IssuedToken(token: $0.token, kind: .pet, title: $0.name, source: $0.source, path: $0.path, location: $0.tokenLocation) }
        return stops + pets
    }
}

/// A token as the content uses it now.
public struct IssuedToken: Sendable {
    public var token: Token
    public var kind: TokenKind
    public var title: String
    /// Content file, relative to the site folder (the ledger's key for "the same item").
    public var source: String
    /// Site path of the page the token resolves to.
    public var path: String
    public var location: SourceLocation
}
