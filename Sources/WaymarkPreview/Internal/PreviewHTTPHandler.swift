import NIOCore
import NIOHTTP1
import WaymarkCore

/// One connection to a site's port: pages from the current snapshot, the live-reload stream,
/// and the beacon endpoint that stands in for the site's `beacon_url`.
final class PreviewHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// A beacon is a few hundred bytes; anything far larger is not one.
    static let maximumBodyBytes = 16 * 1024

    private let site: SiteID
    private let state: PreviewState
    private let report: @Sendable (PreviewEvent) -> Void
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false
    /// An event stream is open: nothing else is read on this connection.
    private var streaming = false

    init(site: SiteID, state: PreviewState, report: @escaping @Sendable (PreviewEvent) -> Void) {
        self.site = site
        self.state = state
        self.report = report
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !streaming else { return }
        switch unwrapInboundIn(data) {
        case let .head(requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
            tooLarge = false
        case var .body(buffer):
            if body.count + buffer.readableBytes > Self.maximumBodyBytes { tooLarge = true }
            if !tooLarge, let bytes = buffer.readBytes(length: buffer.readableBytes) { body += bytes }
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if streaming { state.unsubscribe(context.channel) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A tab closing mid-stream or a malformed request: nothing useful to answer.
        context.close(promise: nil)
    }
}

private extension PreviewHTTPHandler {
    func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = String(head.uri.prefix { $0 != "?" })
        switch (path, head.method) {
        case (LiveReloadScript.eventsPath, .GET):
            openStream(head, context: context)
        case (PreviewSite.beaconPath, .POST):
            receiveBeacon(head, context: context)
        case (PreviewSite.beaconPath, _), (LiveReloadScript.eventsPath, _):
            send(.text(.methodNotAllowed, "405 Method Not Allowed"), for: head, context: context)
        default:
            send(PreviewRouter(site: site, snapshot: state.snapshot).respond(method: head.method, target: head.uri), for: head, context: context)
        }
    }

    func openStream(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        streaming = true
        // No content-length: the encoder streams the body in chunks for as long as the tab is open.
        let headers: HTTPHeaders = ["content-type": "text/event-stream", "cache-control": "no-store", "x-accel-buffering": "no"]
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
        let version = state.subscribe(context.channel, to: site)
        let text = LiveReloadScript.preamble + LiveReloadScript.message(version: version)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
    }

    func receiveBeacon(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard !tooLarge else { return send(.text(.payloadTooLarge, "413 Payload Too Large"), for: head, context: context, close: true) }
        let beaconURL = state.snapshot.sites[site]?.beaconURL
        guard let beacon = PreviewBeacon(body: body, site: site, beaconURL: beaconURL) else {
            return send(.text(.badRequest, "400 not a beacon"), for: head, context: context)
        }
        report(.beacon(beacon))
        send(PreviewResponse(status: .noContent, type: nil), for: head, context: context)
    }

    func send(_ response: PreviewResponse, for head: HTTPRequestHead, context: ChannelHandlerContext, close: Bool = false) {
        let keepAlive = head.isKeepAlive && !close
        var headers = response.headers
        headers.add(name: "content-length", value: String(response.body.count))
        if !keepAlive { headers.add(name: "connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))), promise: nil)
        if head.method != .HEAD, !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        guard !keepAlive else { return context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
