import WaymarkCore

/// Log lines waiting for one `ScanLogWriter.append(_:completion:)`, encoded as they arrive into
/// one contiguous buffer, so the writer sends runs of them with one `write(2)` each straight from
/// it: no array per line, no copying into a chunk. A server keeps one and empties it after each
/// append (`removeAll`), which keeps its storage.
public struct ScanLogBatch: Sendable {
    /// Where each line ends in `bytes`, and the partition (site, day) it belongs to.
    struct Line: Sendable {
        var site: SiteID
        var day: UTCDay
        var end: Int
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lines: [Line] = []

    public init() {}

    /// The number of lines queued.
    public var count: Int { lines.count }

    public var isEmpty: Bool { lines.isEmpty }

    /// Encodes `event` as its log line (`ScanEvent.line`) at the end of the batch.
    public mutating func append(_ event: ScanEvent) {
        event.appendLine(to: &bytes)
        lines.append(Line(site: event.site, day: event.ts.day, end: bytes.count))
    }

    /// Empties the batch, keeping its storage for the next one.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    /// Where line `index` starts in `bytes`.
    func start(of index: Int) -> Int { index == 0 ? 0 : lines[index - 1].end }
}
