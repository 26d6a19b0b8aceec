/// The fields of an event that the rollups count by, decoded once per distinct combination.
///
/// Thousands of events share one combination (same token, browser, referrer, country…), so the
/// line reader decodes these strings the first time it meets a combination and then only counts.
struct EventFields: Hashable, Sendable {
    var site: String
    var token: String
    var kind: String
    var device: String
    var os: String
    var browser: String
    var ref: String?
    var cc: String?

    /// Bot events are deduplicated like the others but counted apart, never as scans.
    var isBot: Bool { device == "bot" }
}
