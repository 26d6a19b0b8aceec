/// Counters a `ScanLogWriter` keeps for `/metrics`.
public struct ScanLogStatistics: Sendable, Equatable {
    /// Upper bounds (seconds) of the fsync latency histogram buckets; the last bucket is +Inf.
    public static let fsyncBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    public var linesWritten = 0
    public var bytesWritten = 0
    public var filesOpened = 0
    public var writeErrors = 0
    public var fsyncErrors = 0
    public var fsyncCount = 0
    public var fsyncSeconds = 0.0
    /// Cumulative counts per bucket of `fsyncBuckets` (Prometheus `le` semantics).
    public var fsyncBucketCounts = [Int](repeating: 0, count: ScanLogStatistics.fsyncBuckets.count)

    public init() {}

    mutating func recordSync(seconds: Double) {
        fsyncCount += 1
        fsyncSeconds += seconds
        for (index, bound) in Self.fsyncBuckets.enumerated() where seconds <= bound { fsyncBucketCounts[index] += 1 }
    }
}
