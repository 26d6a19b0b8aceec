import NIOConcurrencyHelpers
import NIOCore

/// The open connections, so shutdown can ask each to finish its request and close, then wait.
final class ConnectionTracker: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: Channel]>([:])

    func add(_ channel: Channel) { channels.withLockedValue { $0[ObjectIdentifier(channel)] = channel } }

    func remove(_ channel: Channel) { channels.withLockedValue { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) } }

    var count: Int { channels.withLockedValue { $0.count } }

    /// Tells every connection to close after its current response (idle ones close at once).
    func drainAll() {
        for channel in channels.withLockedValue({ Array($0.values) }) {
            channel.pipeline.fireUserInboundEventTriggered(IngestHTTPHandler.Drain())
        }
    }
}
