import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import WaymarkCore

/// `waymark serve`: builds the project in memory, serves each site on its own loopback port as
/// its static host would, rebuilds when a source file changes and reloads the open tabs.
///
/// Nothing is written: the pages are served from the rendered trees (`SiteBuilder.check()`), so
/// `site/` and the token ledgers stay as the last `waymark build` left them.
public final class PreviewServer: Sendable {
    /// Only loopback: a preview shows unpublished pages, including pet profiles.
    public static let host = "127.0.0.1"

    let options: PreviewOptions
    let report: @Sendable (PreviewEvent) -> Void
    let state: PreviewState
    let running = NIOLockedValueBox<Running?>(nil)

    struct Running: Sendable {
        var group: MultiThreadedEventLoopGroup
        var listeners: [Channel]
        var watcher: (any ContentWatcher)?
    }

    /// - Parameter report: called with what happens (from any thread), for the terminal.
    public init(options: PreviewOptions, report: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.report = report
        state = PreviewState(run: String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36))
    }

    /// Builds once (an error is served as the error page, not thrown), listens on one port per site
    /// and starts watching. Returns each site's address.
    @discardableResult
    public func start() throws(PreviewError) -> [(site: SiteID, url: String)] {
        let rebuilder = Rebuilder(debounce: options.debounce) { [self] changed in build(changed: changed) }
        rebuilder.sync { build(changed: []) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var channels: [Channel] = []
        var addresses: [(site: SiteID, url: String)] = []
        do {
            for (index, site) in options.sites.enumerated() {
                let port = options.port == 0 ? 0 : options.port + index
                let channel = try listen(site: site, port: port, group: group)
                channels.append(channel)
                addresses.append((site, "http://\(Self.host):\(channel.localAddress?.port ?? port)\(pathPrefix(of: site))/"))
            }
        } catch {
            for channel in channels { try? channel.close().wait() }
            try? group.syncShutdownGracefully()
            throw error
        }
        let watcher = makeWatcher()
        running.withLockedValue { $0 = Running(group: group, listeners: channels, watcher: watcher) }
        group.next().scheduleRepeatedTask(initialDelay: .seconds(15), delay: .seconds(15)) { [state] _ in state.keepListenersAlive() }
        for (site, url) in addresses { report(.listening(site: site, url: url)) }
        watcher.start { paths in rebuilder.changed(paths) }
        report(.watching(folders: WatchedFiles.folders.filter { FileManager.default.fileExists(atPath: "\(options.root)/\($0)") }, method: watcher.method))
        return addresses
    }

    /// Stops watching, closes every connection and the listeners.
    public func stop() {
        guard let running = running.withLockedValue({ current -> Running? in defer { current = nil }; return current }) else { return }
        running.watcher?.stop()
        state.closeListeners()
        for channel in running.listeners { try? channel.close().wait() }
        try? running.group.syncShutdownGracefully()
    }

    /// Serves until SIGINT or SIGTERM, then stops.
    public func runUntilTerminated() {
        let queue = DispatchQueue(label: "waymark.preview.signals")
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        sources.forEach { $0.cancel() }
        stop()
    }
}
