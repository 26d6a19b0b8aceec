import NIOCore
import NIOHTTP1
import WaymarkScans

/// One connection: collects a request within the size limits, routes it, appends its event and
/// only then answers, so a 2xx always means the line is in the log.
final class IngestHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Sent by `ConnectionTracker` on shutdown: finish the current request, then close.
    struct Drain: Sendable {}

    private let service: IngestService
    private let tracker: ConnectionTracker
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var rejection: Rejection?
    private var bodyBytesSeen = 0
    /// Between the end of a request and the end of its response.
    private var responding = false
    private var closing = false
    private var draining = false

    init(service: IngestService, tracker: ConnectionTracker) {
        self.service = service
        self.tracker = tracker
    }

    func channelActive(context: ChannelHandlerContext) {
        tracker.add(context.channel)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        tracker.remove(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        switch unwrapInboundIn(data) {
        case let .head(requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
            bodyBytesSeen = 0
            rejection = check(requestHead)
        case var .body(buffer):
            bodyBytesSeen += buffer.readableBytes
            if rejection == nil, bodyBytesSeen > service.limits.maximumBodyBytes { rejection = .bodyTooLarge }
            if rejection == nil, let bytes = buffer.readBytes(length: buffer.readableBytes) { body += bytes }
            // Reading a huge body only to refuse it is a gift to an attacker: hang up. (A response
            // cannot come before the request ends: the pipelining handler forbids it.)
            if bodyBytesSeen > service.limits.maximumDiscardBytes {
                service.metrics.rejected(.bodyTooLarge)
                closing = true
                context.close(promise: nil)
            }
        case .end:
            guard let head else { return }
            responding = true
            if let rejection { return finish(context, .rejection(rejection), rejected: rejection) }
            let request = IngestRequest(method: head.method, target: head.uri, headers: head.headers, body: body, client: clientAddress(context, head))
            switch service.route(request) {
            case let .respond(response, rejected):
                finish(context, response, rejected: rejected)
            case let .log(event, response):
                append(event, then: response, context: context)
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is Drain {
            draining = true
            if !responding { context.close(promise: nil) }
        } else if event is IdleStateHandler.IdleStateEvent, !responding {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard !closing else { return }
        // The decoder gives up on this connection after an error: answer once and close.
        let reason: Rejection = (error as? HTTPParserError) == .headerOverflow ? .headersTooLarge : .malformedRequest
        if error is HTTPParserError, !responding {
            responding = true
            finish(context, .rejection(reason), rejected: reason, close: true)
        } else {
            context.close(promise: nil)
        }
    }
}

private extension IngestHTTPHandler {
    /// Limits that can be judged from the head alone.
    func check(_ head: HTTPRequestHead) -> Rejection? {
        let limits = service.limits
        if head.uri.utf8.count > limits.maximumTargetBytes { return .uriTooLong }
        if head.headers.count > limits.maximumHeaderCount { return .headersTooLarge }
        var headerBytes = 0
        for (name, value) in head.headers { headerBytes += name.utf8.count + value.utf8.count + 4 }
        if headerBytes > limits.maximumHeaderBytes { return .headersTooLarge }
        if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > limits.maximumBodyBytes { return .bodyTooLarge }
        return nil
    }

    func clientAddress(_ context: ChannelHandlerContext, _ head: HTTPRequestHead) -> String {
        if let name = service.options.clientIPHeader, let value = head.headers[name].last {
            // The proxy appends the address it saw last: take the rightmost entry, if it looks like an IP.
            let candidate = value.split(separator: ",").last.map { $0.trimmingASCIISpaces() } ?? ""
            if (2...45).contains(candidate.utf8.count), candidate.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66 || (0x30...0x39).contains($0) }) {
                return candidate
            }
        }
        return context.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    func append(_ event: ScanEvent, then response: IngestResponse, context: ChannelHandlerContext) {
        let promise = context.eventLoop.makePromise(of: Void.self)
        let service = self.service
        service.writer.append(event) { result in
            service.appended(event, result: result)
            promise.completeWith(result.mapError { $0 as Error })
        }
        promise.futureResult.assumeIsolated().whenComplete { result in
            switch result {
            case .success: self.finish(context, response, rejected: nil)
            case .failure: self.finish(context, .rejection(.storageUnavailable), rejected: nil)
            }
        }
    }

    func finish(_ context: ChannelHandlerContext, _ response: IngestResponse, rejected: Rejection?, close: Bool = false) {
        guard !closing else { return }
        // No head when the decoder failed before finishing one: answer as HTTP/1.1 and close.
        let head = self.head ?? HTTPRequestHead(version: .http1_1, method: .GET, uri: "")
        self.head = nil
        if let rejected { service.metrics.rejected(rejected) }
        let keepAlive = head.isKeepAlive && !close && !draining && rejected != .bodyTooLarge
        var headers = response.headers
        headers.add(name: "content-length", value: String(response.body.utf8.count))
        if !keepAlive {
            headers.add(name: "connection", value: "close")
            closing = true
        }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))), promise: nil)
        if head.method != .HEAD, !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: response.body)))), promise: nil)
        }
        responding = false
        guard !keepAlive else { return context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}

private extension Substring {
    func trimmingASCIISpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
