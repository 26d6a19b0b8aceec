import WaymarkCore

/// What `waymark serve` previews and how.
public struct PreviewOptions: Sendable {
    /// How the preview notices that a source file changed.
    public enum WatchMode: String, Sendable {
        /// inotify on Linux; polling where it is unavailable (or when it runs out of watches).
        case automatic
        /// Compare modification times every `pollInterval`: for network and container file systems
        /// that never deliver inotify events.
        case polling
    }

    /// Project root: holds content/ and templates/. Nothing is ever written below it.
    public var root: String
    /// The sites to serve, one port each (in this order, from `port` up).
    public var sites: [SiteID]
    /// The first port; 0 lets the system choose a free one for every site (tests).
    public var port: Int
    public var watchMode: WatchMode
    /// Seconds between two scans when polling.
    public var pollInterval: Double
    /// Seconds to wait for more changes before rebuilding: one save often writes a file twice.
    public var debounce: Double

    public init(root: String, sites: [SiteID], port: Int = 1313, watchMode: WatchMode = .automatic,
                pollInterval: Double = 0.5, debounce: Double = 0.05) {
        self.root = root
        self.sites = sites
        self.port = port
        self.watchMode = watchMode
        self.pollInterval = pollInterval
        self.debounce = debounce
    }
}
