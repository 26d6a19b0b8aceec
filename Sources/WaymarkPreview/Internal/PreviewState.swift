import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import WaymarkCore

/// The current snapshot and the tabs listening for reloads, under one lock: a tab subscribing
/// while a build is published either gets the new version in its first message or is told of it
/// afterwards, never neither.
final class PreviewState: Sendable {
    private struct Contents {
        var snapshot = PreviewSnapshot()
        var generation = 0
        var listeners: [SiteID: [ObjectIdentifier: Channel]] = [:]
    }

    private let contents = NIOLockedValueBox(Contents())
    /// Makes versions unique across restarts, so a tab reconnecting to a new server reloads.
    private let run: String

    init(run: String) { self.run = run }

    var snapshot: PreviewSnapshot { contents.withLockedValue { $0.snapshot } }

    /// A good build: serve it. Returns the sites whose pages changed (they were told to reload).
    @discardableResult
    func publish(_ sites: [SiteID: PreviewSite]) -> [SiteID] {
        publish { snapshot in
            let recovering = snapshot.overlay != nil
            let changed = sites.keys.filter { recovering || snapshot.sites[$0]?.rendered != sites[$0]?.rendered }
            snapshot.sites.merge(sites) { $1 }
            snapshot.overlay = nil
            return changed
        }
    }

    /// A failed build: keep the last good files (for assets) and serve the error page for pages.
    @discardableResult
    func publish(_ overlay: ErrorOverlay, for sites: [SiteID]) -> [SiteID] {
        publish { snapshot in
            let changed = snapshot.overlay == overlay ? [] : sites
            snapshot.overlay = overlay
            return changed
        }
    }

    /// Registers a live-reload stream and returns the version to send it first.
    func subscribe(_ channel: Channel, to site: SiteID) -> String {
        contents.withLockedValue {
            $0.listeners[site, default: [:]][ObjectIdentifier(channel)] = channel
            return $0.snapshot.version(of: site)
        }
    }

    func unsubscribe(_ channel: Channel) {
        contents.withLockedValue {
            for site in $0.listeners.keys { $0.listeners[site]?.removeValue(forKey: ObjectIdentifier(channel)) }
        }
    }

    var listenerCount: Int { contents.withLockedValue { $0.listeners.values.reduce(0) { $0 + $1.count } } }

    func keepListenersAlive() {
        for channel in contents.withLockedValue({ $0.listeners.values.flatMap(\.values) }) {
            Self.send(LiveReloadScript.keepAlive, to: channel)
        }
    }

    func closeListeners() {
        for channel in contents.withLockedValue({ $0.listeners.values.flatMap(\.values) }) { channel.close(promise: nil) }
    }

    /// One chunk of an open event stream.
    static func send(_ text: String, to channel: Channel) {
        let part = HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: text)))
        channel.writeAndFlush(part, promise: nil)
    }
}

private extension PreviewState {
    func publish(_ change: (inout PreviewSnapshot) -> [SiteID]) -> [SiteID] {
        let (changed, messages) = contents.withLockedValue { contents -> ([SiteID], [(Channel, String)]) in
            contents.generation += 1
            let changed = change(&contents.snapshot).sorted()
            var messages: [(Channel, String)] = []
            for site in changed {
                let version = "\(run)-\(contents.generation)"
                contents.snapshot.versions[site] = version
                messages += (contents.listeners[site] ?? [:]).values.map { ($0, LiveReloadScript.message(version: version)) }
            }
            return (changed, messages)
        }
        // Outside the lock: a failed write closes the channel, whose handler then unsubscribes.
        for (channel, message) in messages { Self.send(message, to: channel) }
        return changed
    }
}
