/// What one `Rollup.update` read and counted; printed by `waymark report` and checked by tests.
public struct RollupRun: Sendable, Equatable, Codable {
    /// Log files found (after `--since`).
    public var filesSeen = 0
    /// Files that had bytes beyond what earlier runs read.
    public var filesRead = 0
    public var bytesRead = 0
    /// Complete lines read (a truncated final line is not one).
    public var linesRead = 0
    /// Events counted for the first time: scans plus bots.
    public var newEvents = 0
    public var newScans = 0
    public var newBots = 0
    /// Events whose id was already counted (another node, a retry, a re-read file).
    public var duplicates = 0
    public var malformedLines = 0
    public var truncatedLines = 0
    /// Site days whose rollup changed.
    public var daysUpdated = 0
    /// `path:line: warning: …` for each skipped line or unreadable file, by file and line.
    public var warnings: [String] = []
    /// Warnings not listed (more than 1,000 in one partition folder).
    public var warningsOmitted = 0

    public init() {}
}
