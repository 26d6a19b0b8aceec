import Foundation

/// The private map from every token to what it points at, written to `site/_manifest.json`.
///
/// It is the one thing the site builder and the scan tools share: `waymark-ingest` redirects and
/// checks tokens with it, `waymark report` names them with it. It is never deployed.
public struct Manifest: Codable, Equatable, Sendable {
    /// Bumped when a field changes meaning; readers refuse versions they do not know.
    public static let currentVersion = 1

    public struct Site: Codable, Equatable, Sendable {
        public var title: String
        public var baseURL: String
        /// The host printed in QR payloads, when it differs from `baseURL`.
        public var shortURL: String?
        public var beaconURL: String?

        public init(title: String, baseURL: String, shortURL: String? = nil, beaconURL: String? = nil) {
            self.title = title
            self.baseURL = baseURL
            self.shortURL = shortURL
            self.beaconURL = beaconURL
        }

        enum CodingKeys: String, CodingKey {
            case title, baseURL = "base_url", shortURL = "short_url", beaconURL = "beacon_url"
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Points at live content.
        case active
        /// Issued once, printed somewhere, no longer pointing at anything: answers "no longer active".
        case retired
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var site: SiteID
        public var kind: TokenKind
        public var status: Status
        /// Absolute URL of the content the token resolves to (for a retired token: its notice page).
        public var target: String
        /// The text encoded in the printed QR code.
        public var payload: String
        public var title: String
        /// Content file the token belongs to (for a retired token: the one it was issued to).
        public var source: String

        public init(site: SiteID, kind: TokenKind, status: Status, target: String, payload: String, title: String, source: String) {
            self.site = site
            self.kind = kind
            self.status = status
            self.target = target
            self.payload = payload
            self.title = title
            self.source = source
        }
    }

    public var version: Int
    public var sites: [String: Site]
    public var tokens: [String: Entry]

    public init(sites: [String: Site] = [:], tokens: [String: Entry] = [:]) {
        version = Self.currentVersion
        self.sites = sites
        self.tokens = tokens
    }

    public static func decode(_ data: Data) throws -> Manifest {
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        guard manifest.version == currentVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "manifest version \(manifest.version) is not supported (expected \(currentVersion))"))
        }
        return manifest
    }

    /// The entry for `token` only if it belongs to `site`: a token never resolves on another site.
    public func entry(for token: String, on site: SiteID) -> Entry? {
        guard let entry = tokens[token], entry.site == site else { return nil }
        return entry
    }
}
