/// The names of the daily rollup's dimensions, shared by the database, the report and
/// `sql/rollup.sql` (which must produce the same rows).
public enum RollupDimension {
    /// Unique non-bot events (key "").
    public static let scans = "scans"
    /// Unique bot events (key ""), never part of any other count but `bot_browser`.
    public static let bots = "bots"
    /// Bot events by the bot's family (the `browser` field).
    public static let botBrowser = "bot_browser"
    /// Extra copies of an event id already counted (key ""), bots included.
    public static let duplicates = "duplicates"
    /// Distinct `ih` among the day's scans (key "").
    public static let visitors = "visitors"
    public static let token = "token"
    public static let kind = "kind"
    /// `00`…`23`, UTC.
    public static let hour = "hour"
    public static let device = "device"
    public static let os = "os"
    public static let browser = "browser"
    public static let referrer = "referrer"
    public static let country = "country"

    /// The referrer key of scans without one (typed URL, QR app, privacy settings).
    public static let direct = "(direct)"
    /// The country key of scans without one.
    public static let unknown = "(unknown)"

    static func hourKey(_ hour: Int) -> String { hour < 10 ? "0\(hour)" : "\(hour)" }
}
