import NIOHTTP1

/// A request line and what its header fields say about framing, as `HTTPHeadParser` read them;
/// the fields themselves are in the connection's `HTTPFields`.
struct HTTPRequestHead {
    var method: HTTPMethod
    /// The raw request target (`/t/ABC123?x=1`), printable ASCII only.
    var target: String
    /// HTTP/1.0 rather than HTTP/1.1.
    var isHTTP10: Bool
    /// Bytes of all field names and values, counted as the limits count them (4 per field for `": "` and CRLF).
    var fieldBytes: Int
    /// From `Content-Length`; 0 without one.
    var contentLength: Int
    /// Whether the client wants the connection kept open (HTTP/1.1 unless `close`, HTTP/1.0 only with `keep-alive`).
    var keepAlive: Bool
    /// `Expect: 100-continue`: the client waits for a go-ahead before it sends the body.
    var expectsContinue: Bool
}
