/// What became of the previous build's cache, reported with `--verbose` and in the build result.
public enum CacheStatus: Sendable, Equatable, CustomStringConvertible {
    /// Caching is off (`--no-cache`, an in-memory build, or a cache folder inside the output).
    case disabled
    /// No cache yet: a full build.
    case missing
    /// Written by another format version or another waymark binary: ignored, full build.
    case otherVersion
    /// Recorded for another output folder: ignored, full build.
    case otherOutput
    /// Damaged (bad checksum, truncated, not a cache): ignored, full build.
    case corrupt(String)
    /// Used: unchanged pages were kept.
    case used

    public var description: String {
        switch self {
        case .disabled: return "cache: off"
        case .missing: return "cache: none yet, full build"
        case .otherVersion: return "cache: written by another waymark version, ignored (full build)"
        case .otherOutput: return "cache: recorded for another output folder, ignored (full build)"
        case let .corrupt(reason): return "cache: corrupt (\(reason)), ignored (full build)"
        case .used: return "cache: used"
        }
    }
}
