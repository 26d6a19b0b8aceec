import NIOConcurrencyHelpers
import NIOCore

/// The open client connections: capped, counted for the drain on shutdown, and told to drain.
final class ConnectionTracker: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: Channel]>([:])
    /// Beyond this many, new connections are closed at once (file descriptors are finite).
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Registers `channel`; false when the server is full and the channel must be closed.
    func add(_ channel: Channel) -> Bool {
        channels.withLockedValue { channels in
            guard channels.count < limit else { return false }
            channels[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func remove(_ channel: Channel) { channels.withLockedValue { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) } }

    var count: Int { channels.withLockedValue { $0.count } }

    /// Asks every connection to finish its current request and close.
    func drainAll() {
        for channel in channels.withLockedValue({ Array($0.values) }) {
            channel.pipeline.fireUserInboundEventTriggered(IngestConnectionHandler.Drain())
        }
    }
}
