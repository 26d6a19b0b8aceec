/// How far a log file has been read: stored per file, so the next run starts where this one ended.
struct FileProgress: Sendable, Equatable {
    var path: String
    /// The folder's `site=` value, which malformed lines are charged to.
    var site: String
    /// Bytes up to and including the last complete line read.
    var bytes: Int
    /// Complete lines read, so warnings of later runs carry the right line numbers.
    var lines: Int
    /// Malformed lines found in all runs.
    var malformed: Int
    /// Whether the file currently ends in an incomplete line.
    var truncated: Bool
}
