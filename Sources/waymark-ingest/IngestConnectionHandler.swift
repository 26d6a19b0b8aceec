import NIOCore
import NIOHTTP1
import WaymarkScans

/// One connection, straight on bytes: parses each request (`HTTPHeadParser`), routes it, appends
/// its event and only then answers, so a 2xx always means the line is in the log. Pipelined
/// requests are answered in order; responses written during one read are flushed together.
final class IngestConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent by `ConnectionTracker` on shutdown: finish the current request, then close.
    struct Drain: Sendable {}

    private enum State {
        /// Parsing whatever has arrived.
        case reading
        /// A request's event is being appended; later bytes wait in `received`.
        case appending
        /// The last response is sent: input is read and dropped until the peer hangs up or `lingerTime` ends.
        case closing
    }

    /// How long a closing connection keeps reading so that its last response is not lost to a reset.
    static let lingerTime = TimeAmount.seconds(2)
    /// A request must arrive whole within this time of its first byte (slow-loris clients).
    static let requestTime = TimeAmount.seconds(10)
    /// A keep-alive connection with no request is closed after this long.
    static let idleTime = TimeAmount.seconds(30)

    private let service: IngestService
    private let tracker: ConnectionTracker
    private let batcher: LogBatcher
    private var state = State.reading
    private var received: ByteBuffer?
    private var client = "unknown"
    private let memo = ConnectionMemo()
    /// The selected header fields of the request being read or answered (reused, see `HTTPFields`).
    private var fields = HTTPFields()
    /// The request whose event is with the batcher: how to answer it once the line is written.
    private var pending: (response: IngestResponse, head: HTTPRequestHead, context: ChannelHandlerContext)?
    private var draining = false
    /// Inside `channelRead`: writes are flushed once, in `channelReadComplete`.
    private var reading = false
    private var unflushed = false
    private var continueSent = false
    /// When the first byte of the request being received arrived; nil between requests.
    private var requestStarted: NIODeadline?
    private var lastActivity = NIODeadline.now()
    private var watchdog: Scheduled<Void>?

    init(service: IngestService, tracker: ConnectionTracker, batcher: LogBatcher) {
        self.service = service
        self.tracker = tracker
        self.batcher = batcher
    }

    func channelActive(context: ChannelHandlerContext) {
        guard tracker.add(context.channel) else {
            service.metrics.rejected(.tooManyConnections)
            context.close(promise: nil)
            return
        }
        client = context.channel.remoteAddress?.ipAddress ?? "unknown"
        scheduleWatchdog(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        tracker.remove(context.channel)
        watchdog?.cancel()
        watchdog = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard state != .closing else { return }
        var buffer = unwrapInboundIn(data)
        lastActivity = .now()
        if requestStarted == nil { requestStarted = lastActivity }
        if var existing = received.take() {
            existing.writeBuffer(&buffer)
            received = existing
        } else {
            received = buffer
        }
        reading = true
        processReceived(context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is Drain else { return context.fireUserInboundEventTriggered(event) }
        draining = true
        if state == .reading, received == nil { context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    /// From the batcher: the pending request's line is written (or not); answer it and go on reading.
    func appended(_ result: Result<Void, ScanLogError>) {
        guard let (response, head, context) = pending.take() else { return }
        state = .reading
        switch result {
        case .success: respond(response, rejected: nil, head: head, context: context)
        case .failure: respond(.rejection(.storageUnavailable), rejected: nil, head: head, context: context)
        }
        processReceived(context)
    }
}

private extension IngestConnectionHandler {
    /// Answers every complete request in `received`, in order, until one must wait for its append.
    func processReceived(_ context: ChannelHandlerContext) {
        let limits = service.limits
        while state == .reading, var buffer = received.take() {
            let outcome = buffer.withUnsafeReadableBytes {
                HTTPHeadParser.parse($0, limits: limits, selection: service.fieldSelection, fields: &fields)
            }
            switch outcome {
            case .incomplete:
                received = buffer
                return
            case let .invalid(reason):
                return respond(.rejection(reason), rejected: reason, head: nil, context: context)
            case let .head(head, length):
                let bodyLength = head.contentLength
                if bodyLength > limits.maximumBodyBytes {
                    // Small enough: take it all, so the client reads the 413 instead of a reset.
                    if bodyLength <= limits.maximumDiscardBytes, buffer.readableBytes < length + bodyLength {
                        received = buffer
                        return
                    }
                    return respond(.rejection(.bodyTooLarge), rejected: .bodyTooLarge, head: nil, context: context)
                }
                guard buffer.readableBytes >= length + bodyLength else {
                    received = buffer
                    if head.expectsContinue, !continueSent {
                        continueSent = true
                        send(context.channel.allocator.buffer(staticString: "HTTP/1.1 100 Continue\r\n\r\n"), context: context)
                    }
                    return
                }
                buffer.moveReaderIndex(forwardBy: length)
                let body = buffer.readBytes(length: bodyLength) ?? []
                if buffer.readableBytes > 0 {
                    received = buffer
                    requestStarted = lastActivity
                } else {
                    requestStarted = nil
                }
                continueSent = false
                handle(head, body: body, context: context)
            }
        }
        if state == .reading, draining, received == nil { context.close(promise: nil) }
    }

    func handle(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let limits = service.limits
        if head.target.utf8.count > limits.maximumTargetBytes {
            return respond(.rejection(.uriTooLong), rejected: .uriTooLong, head: head, context: context)
        }
        if head.fieldBytes > limits.maximumHeaderBytes {
            return respond(.rejection(.headersTooLarge), rejected: .headersTooLarge, head: head, context: context)
        }
        let request = IngestRequest(method: head.method, target: head.target, fields: fields, body: body,
                                    client: clientAddress(head), memo: memo, eventIDs: batcher.eventIDs)
        switch service.route(request) {
        case let .respond(response, rejected):
            respond(response, rejected: rejected, head: head, context: context)
        case let .log(event, response):
            state = .appending
            pending = (response, head, context)
            batcher.append(event, for: self)
        }
    }

    /// Writes a response; without a head (the request could not be read) it is the connection's last.
    func respond(_ response: IngestResponse, rejected: Rejection?, head: HTTPRequestHead?, context: ChannelHandlerContext) {
        if let rejected { service.metrics.rejected(rejected) }
        let directive: ByteBuffer.ConnectionDirective
        if let head, head.keepAlive, !draining {
            directive = head.isHTTP10 ? .keepAliveHTTP10 : .keepAlive
        } else {
            directive = .close
        }
        let includeBody = head?.method != .HEAD
        let out: ByteBuffer
        if case .keepAlive = directive, let encoded = response.keepAliveBytes, includeBody || response.body.isEmpty {
            out = encoded
        } else {
            var buffer = context.channel.allocator.buffer(capacity: 256 + response.body.utf8.count)
            buffer.writeResponse(response, connection: directive, includeBody: includeBody)
            out = buffer
        }
        switch directive {
        case .close:
            context.write(wrapOutboundOut(out), promise: nil)
            closeGently(context)
        case .keepAlive, .keepAliveHTTP10:
            send(out, context: context)
        }
    }

    /// Writes `bytes`, flushed with everything else at the end of the read (`channelReadComplete`)
    /// or, outside a read (an answer after its append), at once: one trip down the pipeline.
    func send(_ bytes: ByteBuffer, context: ChannelHandlerContext) {
        if reading {
            context.write(wrapOutboundOut(bytes), promise: nil)
            unflushed = true
        } else {
            context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        }
    }

    /// Sends what is written, then shuts down output and reads until the client closes: closing
    /// with unread input would reset the connection and could destroy the response in flight.
    func closeGently(_ context: ChannelHandlerContext) {
        state = .closing
        received = nil
        unflushed = false
        context.flush()
        context.close(mode: .output, promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) { context.close(promise: nil) }
    }

    func clientAddress(_ head: HTTPRequestHead) -> String {
        if let name = service.options.clientIPHeader, let value = fields.values(name).last {
            // The proxy appends the address it saw last: take the rightmost entry, if it looks like an IP.
            let candidate = value.split(separator: ",").last.map { $0.filter { $0 != " " && $0 != "\t" } } ?? ""
            if (2...45).contains(candidate.utf8.count), candidate.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66 || (0x30...0x39).contains($0) }) {
                return candidate
            }
        }
        return client
    }

    /// Every few seconds: close a connection idle too long, or one sending a request too slowly.
    func scheduleWatchdog(_ context: ChannelHandlerContext) {
        watchdog = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(5)) { [self] in
            let now = NIODeadline.now()
            switch state {
            case .reading:
                if let started = requestStarted, now - started > Self.requestTime {
                    return respond(.rejection(.requestTimeout), rejected: .requestTimeout, head: nil, context: context)
                }
                if requestStarted == nil, now - lastActivity > Self.idleTime { return context.close(promise: nil) }
            case .appending, .closing:
                break
            }
            scheduleWatchdog(context)
        }
    }
}
