import Dispatch
import Foundation
import Logging
import NIOCore
import NIOPosix
import WaymarkScans

/// Binds the listener, wires signals, and runs until SIGTERM/SIGINT; then drains and flushes.
struct IngestServer {
    struct StartupError: Error, CustomStringConvertible {
        var description: String
    }

    let options: IngestOptions
    let logger: Logger

    func run() throws(StartupError) {
        // EPIPE and EFBIG/ENOSPC must come back as errors, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let manifest: ManifestStore
        do {
            manifest = try ManifestStore(path: options.manifest)
        } catch {
            throw StartupError(description: error.description)
        }
        do {
            try FileManager.default.createDirectory(atPath: options.logs, withIntermediateDirectories: true)
        } catch {
            throw StartupError(description: "\(options.logs): cannot create the logs folder: \((error as NSError).localizedDescription)")
        }
        let offset = options.clockOffsetMilliseconds
        let writer = ScanLogWriter(.init(directory: options.logs, node: options.node, durability: options.durability,
                                         maxFileBytes: options.maxFileBytes, now: { .now(offsetMilliseconds: offset) }))
        let service = IngestService(options: options, manifest: manifest, writer: writer,
                                    visitorHash: VisitorHash(secret: try secret()), logger: logger)
        let tracker = ConnectionTracker(limit: RequestLimits.maximumConnections())
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let channel: Channel
        do {
            let batchers = LogBatchers(group: group, writer: writer, service: service)
            channel = try bootstrap(group: group, service: service, tracker: tracker, batchers: batchers).bind(host: options.host, port: options.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw StartupError(description: "cannot listen on \(options.host):\(options.port): \(error)")
        }
        let address = channel.localAddress.map { "\($0.ipAddress ?? options.host):\($0.port ?? options.port)" } ?? "?"
        logger.info("listening", metadata: [
            "address": "\(address)", "fsync": "\(options.durability)", "node": "\(options.node)",
            "tokens": "\(manifest.directory.manifest.tokens.count)", "logs": "\(options.logs)",
        ])

        waitForTermination(reloading: manifest, metrics: service.metrics)

        logger.info("draining", metadata: ["connections": "\(tracker.count)"])
        try? channel.close().wait()
        tracker.drainAll()
        let deadline = DispatchTime.now() + .seconds(10)
        while tracker.count > 0, DispatchTime.now() < deadline { usleep(10_000) }
        writer.close()
        try? group.syncShutdownGracefully()
        logger.info("stopped", metadata: ["events": "\(writer.currentStatistics.linesWritten)"])
    }
}

private extension IngestServer {
    func bootstrap(group: EventLoopGroup, service: IngestService, tracker: ConnectionTracker, batchers: LogBatchers) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(IngestConnectionHandler(
                        service: service, tracker: tracker, batcher: batchers.batcher(for: channel.eventLoop)))
                }
            }
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
    }

    /// The visitor-hash secret: the salt file's bytes (surrounding whitespace ignored), or random.
    func secret() throws(StartupError) -> [UInt8] {
        guard let path = options.saltFile else {
            logger.warning("no --salt-file: visitor hashes use a random secret and change on every restart")
            return VisitorHash.randomSecret()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StartupError(description: "\(path): cannot read the salt file")
        }
        let secret = Array(data).drop(while: Self.isSpace).reversed().drop(while: Self.isSpace).reversed()
        guard secret.count >= 16 else { throw StartupError(description: "\(path): the secret must be at least 16 bytes") }
        return Array(secret)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Blocks until SIGTERM or SIGINT, reloading the manifest on each SIGHUP meanwhile.
    func waitForTermination(reloading manifest: ManifestStore, metrics: Metrics) {
        let queue = DispatchQueue(label: "waymark-ingest.signals")
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGHUP, SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [logger] in
                guard number == SIGHUP else { done.signal(); return }
                switch manifest.reload() {
                case let .success(directory):
                    metrics.reloaded(ok: true)
                    logger.info("manifest reloaded", metadata: ["tokens": "\(directory.manifest.tokens.count)"])
                case let .failure(error):
                    metrics.reloaded(ok: false)
                    logger.error("manifest reload failed; keeping the previous one", metadata: ["error": "\(error)"])
                }
            }
            source.resume()
            sources.append(source)
        }
        done.wait()
        for source in sources { source.cancel() }
    }
}
