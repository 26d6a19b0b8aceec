import Logging
import Synchronization
import WaymarkScans

/// Everything a request needs, shared by all connections: manifest, log writer, limits, counters.
final class IngestService: Sendable {
    let options: IngestOptions
    let manifest: ManifestStore
    let writer: ScanLogWriter
    let metrics = Metrics()
    let limiter: RateLimiter?
    let visitorHash: VisitorHash
    let health: HealthCheck
    let limits = RequestLimits()
    let fieldSelection: HTTPFieldSelection
    let logger: Logger
    /// Whether the last append failed: storage trouble is logged when it starts and ends, not per request.
    private let storageFailing = Atomic<Bool>(false)

    init(options: IngestOptions, manifest: ManifestStore, writer: ScanLogWriter, visitorHash: VisitorHash, logger: Logger) {
        self.options = options
        self.manifest = manifest
        self.writer = writer
        self.visitorHash = visitorHash
        self.logger = logger
        fieldSelection = HTTPFieldSelection(adding: [options.countryHeader, options.clientIPHeader].compactMap { $0 })
        limiter = options.rate.map { RateLimiter(ratePerSecond: $0) }
        health = HealthCheck(logs: options.logs, node: options.node, minimumFreeBytes: options.minFreeBytes)
    }

    func now() -> UTCTimestamp { .now(offsetMilliseconds: options.clockOffsetMilliseconds) }

    /// What to do with a request: answer at once, or append an event and then answer.
    enum Outcome {
        case respond(IngestResponse, rejected: Rejection?)
        case log(ScanEvent, then: IngestResponse)

        static func reject(_ reason: Rejection) -> Outcome { .respond(.rejection(reason), rejected: reason) }
    }

    /// Records how a batch of appends ended (`kinds[i]` is the kind of the event `results[i]` is
    /// for), counting once per batch and logging only when storage starts or stops failing.
    func appended(_ kinds: [ScanEvent.Kind], results: [Result<Void, ScanLogError>]) {
        var scans = 0, beacons = 0
        var failure: ScanLogError?
        for (kind, result) in zip(kinds, results) {
            switch result {
            case .success:
                switch kind {
                case .scan: scans += 1
                case .beacon: beacons += 1
                }
            case let .failure(error):
                metrics.rejected(.storageUnavailable)
                failure = failure ?? error
            }
        }
        // Counters both loops share: added to once per batch, not once per event.
        metrics.written(.scan, count: scans)
        metrics.written(.beacon, count: beacons)
        if let failure {
            if !storageFailing.exchange(true, ordering: .relaxed) {
                logger.error("scan log write failed; answering 503 until writes succeed", metadata: ["error": "\(failure)"])
            }
        } else if scans + beacons > 0, storageFailing.load(ordering: .relaxed), storageFailing.exchange(false, ordering: .relaxed) {
            // A plain load first: the common case must not write to a cache line both loops share.
            logger.notice("scan log writes recovered")
        }
    }
}
