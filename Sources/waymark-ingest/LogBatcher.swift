import NIOCore
import WaymarkScans

/// Group commit per event-loop turn: events logged while the loop handles its ready connections
/// are appended together once it has handled them all — one lock and one `write(2)` per file
/// instead of one per request. Every request still gets its answer only after its line is written
/// (and, for `--fsync always`, synced).
///
/// Lines are encoded into one reused `ScanLogBatch` as they arrive, and each waiting connection
/// is told its result directly (`IngestConnectionHandler.appended`): no closure, line array or
/// event copy per request.
final class LogBatcher {
    private let loop: EventLoop
    private let writer: ScanLogWriter
    private let service: IngestService
    /// Ids for the events made on this loop: its own, so the counter is never contended.
    let eventIDs = EventIDGenerator()
    /// The batch being gathered, and the connection waiting for each of its lines.
    private var batch = ScanLogBatch()
    private var waiting: [IngestConnectionHandler] = []
    private var kinds: [ScanEvent.Kind] = []
    /// The other batch's storage: swapped in while one is written, so lines logged meanwhile (by
    /// a pipelined request answered from the completion) start the next batch.
    private var spare = ScanLogBatch()

    init(loop: EventLoop, writer: ScanLogWriter, service: IngestService) {
        self.loop = loop
        self.writer = writer
        self.service = service
    }

    /// Queues `event`; `client.appended(_:)` runs on this loop once the batch holding it is written.
    func append(_ event: ScanEvent, for client: IngestConnectionHandler) {
        loop.preconditionInEventLoop()
        batch.append(event)
        waiting.append(client)
        kinds.append(event.kind)
        // Tasks run after the loop has handled every ready channel: the natural end of a batch.
        if waiting.count == 1 { loop.assumeIsolated().execute { self.flush() } }
    }

    private func flush() {
        swap(&batch, &spare)
        let loop = self.loop
        let clients = NIOLoopBound(waiting, eventLoop: loop)
        let kinds = self.kinds
        let service = self.service
        waiting = []
        self.kinds = []
        writer.append(spare) { results in
            let finish: @Sendable () -> Void = {
                service.appended(kinds, results: results)
                for (client, result) in zip(clients.value, results) { client.appended(result) }
            }
            // `.interval` and `.never` complete at once on this thread; `.always` after the group fsync.
            if loop.inEventLoop { finish() } else { loop.execute(finish) }
        }
        // The writer keeps nothing of a batch once `append` returns.
        spare.removeAll()
    }
}

/// One `LogBatcher` per event loop, made before the server starts so lookups need no lock.
struct LogBatchers: Sendable {
    private let batchers: [ObjectIdentifier: NIOLoopBound<LogBatcher>]

    init(group: EventLoopGroup, writer: ScanLogWriter, service: IngestService) {
        var batchers: [ObjectIdentifier: NIOLoopBound<LogBatcher>] = [:]
        for loop in group.makeIterator() {
            // Built on its own loop: a NIOLoopBound may only be made there.
            batchers[ObjectIdentifier(loop)] = try! loop.submit { NIOLoopBound(LogBatcher(loop: loop, writer: writer, service: service), eventLoop: loop) }.wait()
        }
        self.batchers = batchers
    }

    /// The batcher of `loop`; call on `loop`.
    func batcher(for loop: EventLoop) -> LogBatcher {
        batchers[ObjectIdentifier(loop)]!.value
    }
}
