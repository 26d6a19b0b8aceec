import WaymarkCore

/// One site's settings, from `content/<site>/site.yml`.
public struct SiteConfig: Sendable {
    public var id: SiteID
    public var title: String
    public var description: String?
    /// BCP 47 language tag for `<html lang>` (and for text shaping when printing).
    public var lang: String
    public var baseURL: SiteURL
    /// A shorter host for QR payloads (fewer characters, a smaller code).
    public var shortURL: SiteURL?
    /// Where redirect pages send a scan beacon (a waymark-ingest `/b` endpoint).
    public var beaconURL: String?
    public var host: Host
    /// Let raw HTML in Markdown through. Off unless the site opts in.
    public var rawHTML: Bool
    /// Largest image a page may publish (`max_image_mb`, 5 by default).
    public var maxImageBytes: Int
    public var theme: Theme
    public var qr: QRSettings
    /// Printed cards: sizes, bleed, sheet, calibration (the `cards:` section).
    public var cards: CardSettings

    /// The static host the site is deployed to; it decides which server files are written.
    public enum Host: String, CaseIterable, Sendable {
        case netlify, cloudflare, apache, nginx, s3, generic

        /// Hosts that read rules from files inside the deployed folder.
        var readsRulesFromSiteFolder: Bool { self == .netlify || self == .cloudflare }

        /// Whether `/t/TOKEN` (no trailing slash) is answered in one hop by a rule we write; where it
        /// is not, the printed payload carries the trailing slash the static host serves directly.
        var servesTokenWithoutSlash: Bool { self != .s3 && self != .generic }
    }

    public struct Theme: Sendable {
        public var primary: String
        public var accent: String
    }
}
