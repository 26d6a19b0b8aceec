import NIOHTTP1

/// One complete request, as the router sees it.
struct IngestRequest {
    var method: HTTPMethod
    /// The raw request target (`/t/ABC123?x=1`).
    var target: String
    var fields: HTTPFields
    var body: [UInt8]
    /// The socket peer's address, or the trusted proxy header's.
    var client: String

    /// The single value of `name`; nil when absent or repeated (a repeated Host or Origin is an
    /// ambiguity someone built on purpose).
    func header(_ name: String) -> String? {
        fields.single(name.utf8.contains(where: { (0x41...0x5A).contains($0) }) ? name.lowercased() : name)
    }
}
