import NIOCore
import NIOHTTP1
import NIOPosix
import WaymarkCore

extension PreviewServer {
    /// Binds one site's port on loopback.
    func listen(site: SiteID, port: Int, group: MultiThreadedEventLoopGroup) throws(PreviewError) -> Channel {
        let state = self.state
        let report = self.report
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.configureHTTPServerPipeline(withErrorHandling: true)
                    try sync.addHandler(PreviewHTTPHandler(site: site, state: state, report: report))
                }
            }
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
        do {
            return try bootstrap.bind(host: Self.host, port: port).wait()
        } catch {
            let hint = port == 0 ? "" : " (is another `waymark serve` running? try --port)"
            throw PreviewError("cannot listen on \(Self.host):\(port) for \(site): \(error)\(hint)")
        }
    }
}
