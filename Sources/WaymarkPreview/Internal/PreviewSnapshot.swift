import WaymarkCore

/// What the preview serves at one moment: the last good build of each site and, while the latest
/// build failed, the error page. Immutable: a rebuild publishes a new one.
struct PreviewSnapshot: Sendable {
    var sites: [SiteID: PreviewSite] = [:]
    /// Set while the latest build failed: served instead of every page.
    var overlay: ErrorOverlay?
    /// Each site's version, as pages carry it in their live-reload script.
    var versions: [SiteID: String] = [:]

    func version(of site: SiteID) -> String { versions[site] ?? "0" }
}
