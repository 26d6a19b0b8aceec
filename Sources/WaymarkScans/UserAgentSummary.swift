/// What the scan log keeps of a `User-Agent` header: three coarse words, never the header itself.
public struct UserAgentSummary: Codable, Equatable, Hashable, Sendable {
    public enum Device: String, Codable, Sendable, CaseIterable {
        case mobile, tablet, desktop
        /// Crawlers, headless browsers, link-preview fetchers and scripts: counted apart in reports.
        case bot
    }

    public var device: Device
    /// `ios`, `android`, `windows`, `macos`, `linux`, `chromeos` or `other`.
    public var os: String
    /// `safari`, `chrome`, `firefox`, `edge`, `samsung`, `opera`, `other` — for bots the bot's family.
    public var browser: String

    public init(device: Device, os: String, browser: String) {
        self.device = device
        self.os = os
        self.browser = browser
    }
}
