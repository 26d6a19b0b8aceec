import WaymarkCore

/// One build of the preview: the first, or a rebuild after files changed.
public struct PreviewBuild: Sendable {
    /// Files that changed since the previous build, relative to the root (empty for the first).
    public var changed: [String]
    /// Every diagnostic: warnings of a good build, or everything wrong with a failed one.
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool
    /// Sites whose served pages changed, so open tabs of them were told to reload.
    public var reloaded: [SiteID]
    public var duration: Duration

    public init(changed: [String], diagnostics: [Diagnostic], succeeded: Bool, reloaded: [SiteID], duration: Duration) {
        self.changed = changed
        self.diagnostics = diagnostics
        self.succeeded = succeeded
        self.reloaded = reloaded
        self.duration = duration
    }

    public var milliseconds: Int { Int(duration / .milliseconds(1)) }
}
