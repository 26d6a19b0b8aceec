import Foundation
import WaymarkCore

/// A scan beacon a preview page sent (the redirect page's `navigator.sendBeacon`).
///
/// In preview the pages send it to the preview itself instead of the site's `beacon_url`, so trying
/// a token never adds a scan to the real logs.
public struct PreviewBeacon: Sendable, Equatable {
    /// The site whose port received it.
    public var site: SiteID
    public var token: String
    /// Where the scan came from (`document.referrer`), if the browser said.
    public var referrer: String?
    /// Where the published page would have sent it.
    public var beaconURL: String?

    public init(site: SiteID, token: String, referrer: String?, beaconURL: String?) {
        self.site = site
        self.token = token
        self.referrer = referrer
        self.beaconURL = beaconURL
    }

    /// Reads the JSON the redirect script sends (`{"site":…,"token":…,"ref":…}`); nil if it is not that.
    init?(body: [UInt8], site: SiteID, beaconURL: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let token = object["token"] as? String, !token.isEmpty, token.count <= 64
        else { return nil }
        self.init(site: site, token: token, referrer: object["ref"] as? String, beaconURL: beaconURL)
    }
}
