import WaymarkCore

/// A walking trail: a folder with an `index.md` and one Markdown file per stop.
public struct Trail: Sendable {
    public enum Difficulty: String, CaseIterable, Sendable { case easy, moderate, hard }

    public var slug: String
    public var source: String
    public var title: String
    public var summary: String
    public var region: String?
    public var distanceKm: Double?
    public var difficulty: Difficulty?
    public var durationMinutes: Int?
    public var body: String
    /// The file line the body starts on, for locating problems inside it.
    public var bodyLine: Int
    /// In walking order.
    public var stops: [Stop]

    /// The site path of the trail's page.
    public var path: String { "/trails/\(slug)/" }
}
