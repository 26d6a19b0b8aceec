import NIOCore
import NIOHTTP1

extension ByteBuffer {
    /// How the response leaves the connection.
    enum ConnectionDirective {
        case keepAlive
        /// An HTTP/1.0 client that asked to keep the connection: it needs to be told yes.
        case keepAliveHTTP10
        case close
    }

    /// Writes `response` as HTTP/1.1 with `Content-Length` and `Connection` as needed; without
    /// its body when `includeBody` is false (HEAD).
    ///
    /// This is the one encoder: `IngestResponse.encodedAhead()` keeps what it wrote.
    mutating func writeResponse(_ response: IngestResponse, connection: ConnectionDirective, includeBody: Bool) {
        // Piece by piece: an interpolated status line would be one more heap string per response.
        writeStaticString("HTTP/1.1 ")
        writeString(String(response.status.code))
        writeStaticString(" ")
        writeString(response.status.reasonPhrase)
        writeStaticString("\r\n")
        for (name, value) in response.headers {
            writeString(name)
            writeStaticString(": ")
            writeString(value)
            writeStaticString("\r\n")
        }
        // RFC 9110 §8.6: no Content-Length on a 204.
        if response.status != .noContent {
            writeStaticString("content-length: ")
            writeString(String(response.body.utf8.count))
            writeStaticString("\r\n")
        }
        switch connection {
        case .keepAlive: break
        case .keepAliveHTTP10: writeStaticString("connection: keep-alive\r\n")
        case .close: writeStaticString("connection: close\r\n")
        }
        writeStaticString("\r\n")
        if includeBody { writeString(response.body) }
    }
}
