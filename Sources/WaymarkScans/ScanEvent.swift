import WaymarkCore

/// One scan of a printed code, as written to the scan log (DESIGN §7): one JSON object per line.
///
/// Every field is reduced before it gets here — the user agent to three words, the referrer to a
/// host, the IP address to a salted hash — so the log holds nothing that identifies a person.
public struct ScanEvent: Codable, Equatable, Sendable {
    /// The schema version written in `v`; readers skip lines of versions they do not know.
    public static let schemaVersion = 1

    /// How the scan reached us.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// An edge redirect served by `waymark-ingest` itself (`GET /t/<TOKEN>`).
        case scan
        /// A `navigator.sendBeacon` (or image) ping from a static redirect page (`/b`).
        case beacon
    }

    public var v: Int
    /// Unique per event (a ULID), so readers can deduplicate lines that were copied or replayed.
    public var id: String
    public var ts: UTCTimestamp
    public var site: SiteID
    public var token: Token
    public var kind: Kind
    public var ua: UserAgentSummary
    /// The referring page's host, lower case, or nil.
    public var ref: String?
    /// ISO 3166 alpha-2 country code from a trusted edge header, or nil.
    public var cc: String?
    /// The visitor's IP address hashed with the day's salt: 16 hex characters.
    public var ih: String

    public init(id: String, ts: UTCTimestamp, site: SiteID, token: Token, kind: Kind, ua: UserAgentSummary,
                ref: String?, cc: String?, ih: String) {
        v = Self.schemaVersion
        self.id = id
        self.ts = ts
        self.site = site
        self.token = token
        self.kind = kind
        self.ua = ua
        self.ref = ref
        self.cc = cc
        self.ih = ih
    }
}
