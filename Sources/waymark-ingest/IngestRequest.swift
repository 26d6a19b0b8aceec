import NIOHTTP1

/// One complete request, as the router sees it.
struct IngestRequest {
    var method: HTTPMethod
    /// The raw request target (`/t/ABC123?x=1`).
    var target: String
    var headers: HTTPHeaders
    var body: [UInt8]
    /// The socket peer's address, or the trusted proxy header's.
    var client: String

    /// The single value of `name`; nil when absent or repeated (a repeated Host or Origin is an
    /// ambiguity someone built on purpose).
    func header(_ name: String) -> String? {
        let values = headers[name]
        return values.count == 1 ? values[0] : nil
    }
}
