import NIOHTTP1

/// A request line and its header fields, as `HTTPHeadParser` read them.
struct HTTPRequestHead {
    var method: HTTPMethod
    /// The raw request target (`/t/ABC123?x=1`), printable ASCII only.
    var target: String
    /// HTTP/1.0 rather than HTTP/1.1.
    var isHTTP10: Bool
    var fields: HTTPFields
    /// From `Content-Length`; 0 without one.
    var contentLength: Int
    /// Whether the client wants the connection kept open (HTTP/1.1 unless `close`, HTTP/1.0 only with `keep-alive`).
    var keepAlive: Bool
    /// `Expect: 100-continue`: the client waits for a go-ahead before it sends the body.
    var expectsContinue: Bool

    /// Bytes of all field names and values, counted as the limits count them (4 per field for `": "` and CRLF).
    var fieldBytes: Int { fields.entries.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 } }
}

/// Header fields in arrival order, names lower-cased.
struct HTTPFields {
    private(set) var entries: [(name: String, value: String)] = []

    mutating func append(name: String, value: String) { entries.append((name, value)) }

    var count: Int { entries.count }

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
