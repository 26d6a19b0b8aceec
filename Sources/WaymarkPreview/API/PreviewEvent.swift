import WaymarkCore

/// What the preview tells its user, as it happens (from any thread).
public enum PreviewEvent: Sendable {
    /// A site is served at `url`.
    case listening(site: SiteID, url: String)
    /// Source folders are watched, and how (`inotify` or `polling`).
    case watching(folders: [String], method: String)
    /// A build finished, well or not.
    case built(PreviewBuild)
    /// A redirect page sent a scan beacon: shown instead of being sent to the site's beacon_url.
    case beacon(PreviewBeacon)
}
