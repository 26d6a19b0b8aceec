import NIOCore
import WaymarkScans

/// Group commit per event-loop turn: events logged while the loop handles its ready connections
/// are appended together once it has handled them all — one lock and one `write(2)` per file
/// instead of one per request. Every request still gets its answer only after its line is written
/// (and, for `--fsync always`, synced).
final class LogBatcher {
    typealias Completion = (Result<Void, ScanLogError>) -> Void

    private let loop: EventLoop
    private let writer: ScanLogWriter
    private var events: [ScanEvent] = []
    private var completions: [Completion] = []

    init(loop: EventLoop, writer: ScanLogWriter) {
        self.loop = loop
        self.writer = writer
    }

    /// Queues `event`; `completion` runs on this loop once the batch holding it is written.
    func append(_ event: ScanEvent, completion: @escaping Completion) {
        loop.preconditionInEventLoop()
        events.append(event)
        completions.append(completion)
        // Tasks run after the loop has handled every ready channel: the natural end of a batch.
        if events.count == 1 { loop.assumeIsolated().execute { self.flush() } }
    }

    private func flush() {
        let batch = events
        let loop = self.loop
        let waiting = NIOLoopBound(completions, eventLoop: loop)
        events.removeAll(keepingCapacity: true)
        completions = []
        writer.append(batch) { results in
            let finish: @Sendable () -> Void = {
                for (completion, result) in zip(waiting.value, results) { completion(result) }
            }
            // `.interval` and `.never` complete at once on this thread; `.always` after the group fsync.
            if loop.inEventLoop { finish() } else { loop.execute(finish) }
        }
    }
}

/// One `LogBatcher` per event loop, made before the server starts so lookups need no lock.
struct LogBatchers: Sendable {
    private let batchers: [ObjectIdentifier: NIOLoopBound<LogBatcher>]

    init(group: EventLoopGroup, writer: ScanLogWriter) {
        var batchers: [ObjectIdentifier: NIOLoopBound<LogBatcher>] = [:]
        for loop in group.makeIterator() {
            // Built on its own loop: a NIOLoopBound may only be made there.
            batchers[ObjectIdentifier(loop)] = try! loop.submit { NIOLoopBound(LogBatcher(loop: loop, writer: writer), eventLoop: loop) }.wait()
        }
        self.batchers = batchers
    }

    /// The batcher of `loop`; call on `loop`.
    func batcher(for loop: EventLoop) -> LogBatcher {
        batchers[ObjectIdentifier(loop)]!.value
    }
}
