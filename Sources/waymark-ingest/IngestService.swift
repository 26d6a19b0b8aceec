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
    let eventIDs = EventIDGenerator()
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

    /// Records how an append ended, logging only when storage starts or stops failing.
    func appended(_ kind: ScanEvent.Kind, result: Result<Void, ScanLogError>) {
        switch result {
        case .success:
            metrics.written(kind)
            // A plain load first: the common case must not write to a cache line both loops share.
            if storageFailing.load(ordering: .relaxed), storageFailing.exchange(false, ordering: .relaxed) {
                logger.notice("scan log writes recovered")
            }
        case let .failure(error):
            metrics.rejected(.storageUnavailable)
            if !storageFailing.exchange(true, ordering: .relaxed) {
                logger.error("scan log write failed; answering 503 until writes succeed", metadata: ["error": "\(error)"])
            }
        }
    }
}
