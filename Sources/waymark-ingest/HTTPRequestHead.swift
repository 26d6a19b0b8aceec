import NIOHTTP1

/// A request line and its header fields, as `HTTPHeadParser` read them.
struct HTTPRequestHead {
    var method: HTTPMethod
    /// The raw request target (`/t/ABC123?x=1`), printable ASCII only.
    var target: String
    /// HTTP/1.0 rather than HTTP/1.1.
    var isHTTP10: Bool
    /// The fields the server reads (`HTTPFieldSelection`); the others are counted, not kept.
    var fields: HTTPFields
    /// Bytes of all field names and values, counted as the limits count them (4 per field for `": "` and CRLF).
    var fieldBytes: Int
    /// From `Content-Length`; 0 without one.
    var contentLength: Int
    /// Whether the client wants the connection kept open (HTTP/1.1 unless `close`, HTTP/1.0 only with `keep-alive`).
    var keepAlive: Bool
    /// `Expect: 100-continue`: the client waits for a go-ahead before it sends the body.
    var expectsContinue: Bool
}

/// Header fields in arrival order, names lower-cased.
struct HTTPFields {
    private(set) var entries: [(name: String, value: String)] = []

    mutating func append(name: String, value: String) { entries.append((name, value)) }

    /// Every value of `name` (lower case), in order.
    func values(_ name: String) -> [String] { entries.filter { $0.name == name }.map(\.value) }

    /// The one value of `name` (lower case); nil when absent or repeated.
    func single(_ name: String) -> String? {
        var found: String?
        for entry in entries where entry.name == name {
            guard found == nil else { return nil }
            found = entry.value
        }
        return found
    }
}

/// The header fields worth keeping: what routing, logging and framing read. Matching raw name
/// bytes against this short list saves making strings of every `Accept-*` and `Cookie` a browser sends.
struct HTTPFieldSelection: Sendable {
    private let names: [[UInt8]]

    /// The framing and routing fields, plus any named by options (lower case).
    init(adding extra: [String] = []) {
        let standard = ["host", "origin", "referer", "user-agent", "content-length", "transfer-encoding", "connection", "expect"]
        names = (standard + extra.map { $0.lowercased() }).map { Array($0.utf8) }
    }

    /// The lower-case name `raw` stands for, when it is one of the selected names (ASCII case ignored).
    func match(_ raw: UnsafeRawBufferPointer) -> String? {
        for name in names where name.count == raw.count {
            if zip(name, raw).allSatisfy({ $0 == ((0x41...0x5A).contains($1) ? $1 | 0x20 : $1) }) {
                return String(decoding: name, as: UTF8.self)
            }
        }
        return nil
    }
}
