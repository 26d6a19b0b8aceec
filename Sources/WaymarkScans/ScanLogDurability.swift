/// When an appended line is forced to disk (`--fsync`).
public enum ScanLogDurability: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Acknowledge only after `fsync`. Concurrent appends share one `fsync` (group commit), so the
    /// cost is one disk flush per batch, not per event.
    case always
    /// Acknowledge after `write(2)` (the line survives a crash of the process at once); a background
    /// `fsync` at most `ScanLogWriter.Configuration.syncInterval` later makes it survive power loss.
    case interval
    /// Leave flushing to the kernel; `fsync` only at rotation and shutdown.
    case never

    public var description: String { rawValue }
}
