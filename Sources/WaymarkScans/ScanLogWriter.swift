import Foundation
import WaymarkCore

/// Appends events to the hive-partitioned scan log, rotating files and forcing them to disk.
///
/// Thread-safe. Every line goes out inside a single `write(2)` to a file opened with `O_APPEND`
/// (a write carries one line, or a batch of whole lines from `append(_:completion:)` with an
/// array), so lines never interleave or split and a crash leaves at most one truncated line. A file is never reopened: every
/// process start and every rotation (UTC midnight, size limit, a failed write) creates the next
/// sequence number, so a crashed file's truncated tail is never glued to a new line.
public final class ScanLogWriter: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// The logs root (`--logs`).
        public var directory: String
        /// This server's name in file names; every node writing to shared storage needs its own.
        public var node: String
        public var durability: ScanLogDurability
        /// A file is rotated before a line would take it past this size.
        public var maxFileBytes: Int
        /// The longest an acknowledged line waits for its fsync with `.interval`.
        public var syncInterval: Duration
        /// The clock that decides when yesterday's files are closed (tests shift it).
        public var now: @Sendable () -> UTCTimestamp

        public init(directory: String, node: String, durability: ScanLogDurability = .interval,
                    maxFileBytes: Int = 64 << 20, syncInterval: Duration = .milliseconds(100),
                    now: @escaping @Sendable () -> UTCTimestamp = { .now() }) {
            self.directory = directory
            self.node = node
            self.durability = durability
            self.maxFileBytes = maxFileBytes
            self.syncInterval = syncInterval
            self.now = now
        }
    }

    /// Called once per append: success when the line is as durable as `durability` promises.
    public typealias Completion = @Sendable (Result<Void, ScanLogError>) -> Void

    public let configuration: Configuration
    let condition = NSCondition()
    // Everything below is guarded by `condition`.
    var open: [SiteID: ScanLogFile] = [:]
    /// Files written since the last fsync.
    var dirty: Set<ObjectIdentifier> = []
    /// Rotated-out files waiting for their final fsync and close (done by the syncer thread).
    var retired: [ScanLogFile] = []
    /// Partition folders whose new entries still need an fsync of the folder itself.
    var newFolders: Set<String> = []
    /// `.always` appends waiting for the next fsync.
    var waiting: [Completion] = []
    var statistics = ScanLogStatistics()
    var lastError: ScanLogError?
    var closed = false
    var syncer: Thread?
    var syncerFinished = false

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        startSyncer()
    }

    /// Appends one event. `completion` runs on the caller's thread for `.interval` and `.never`, on
    /// the syncer thread after the group fsync for `.always`.
    public func append(_ event: ScanEvent, completion: @escaping Completion) {
        append([event]) { results in completion(results[0]) }
    }

    /// Appends several events with one lock and as few `write(2)` calls as possible: consecutive
    /// lines bound for the same file go out together (each write carries whole lines only, so a
    /// line is never split). `completion` gets one result per event, in order, on the caller's
    /// thread for `.interval` and `.never`, on the syncer thread after the group fsync for `.always`.
    public func append(_ events: [ScanEvent], completion: @escaping @Sendable ([Result<Void, ScanLogError>]) -> Void) {
        var batch = ScanLogBatch()
        for event in events { batch.append(event) }
        append(batch, completion: completion)
    }

    /// Appends the lines of `batch`, as `append(_:completion:)` does its events; the batch is not
    /// kept, so the caller may empty and refill it as soon as this returns.
    public func append(_ batch: ScanLogBatch, completion: @escaping @Sendable ([Result<Void, ScanLogError>]) -> Void) {
        var results = [Result<Void, ScanLogError>](repeating: .success(()), count: batch.count)
        condition.lock()
        var start = 0
        while start < batch.count {
            // A run of lines for one site and day: one file, as few writes as its size limit allows.
            let site = batch.lines[start].site, day = batch.lines[start].day
            var end = start + 1
            while end < batch.count, batch.lines[end].site == site, batch.lines[end].day == day { end += 1 }
            let (written, error) = appendLocked(batch, start..<end, site: site, day: day)
            if let error { for index in (start + written)..<end { results[index] = .failure(error) } }
            start = end
        }
        if configuration.durability == .always, results.contains(where: { if case .success = $0 { true } else { false } }) {
            let appended = results
            waiting.append { synced in completion(appended.map { $0.flatMap { synced } }) }
            condition.signal()
            condition.unlock()
            return
        }
        condition.unlock()
        completion(results)
    }

    /// Blocking form of `append`, for tools and tests.
    public func append(_ event: ScanEvent) throws(ScanLogError) {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        append(event) { result in
            box.result = result
            done.signal()
        }
        done.wait()
        if case let .failure(error)? = box.result { throw error }
    }

    /// A snapshot of the counters for `/metrics`.
    public var currentStatistics: ScanLogStatistics {
        condition.lock()
        defer { condition.unlock() }
        return statistics
    }

    /// The last write, open or fsync failure, cleared by the next successful write.
    public var currentError: ScanLogError? {
        condition.lock()
        defer { condition.unlock() }
        return lastError
    }

    /// Stops the syncer, fsyncs and closes every file (whatever the durability), then refuses appends.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !syncerFinished { condition.wait() }
        let files = Array(open.values) + retired
        open = [:]
        retired = []
        let folders = newFolders
        newFolders = []
        condition.unlock()
        for file in files { _ = file.sync() }
        for folder in folders { syncFolder(folder) }
    }
}

private final class ResultBox: @unchecked Sendable {
    var result: Result<Void, ScanLogError>?
}
