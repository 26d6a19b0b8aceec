import NIOHTTP1
import WaymarkScans

/// One complete request, as the router sees it.
struct IngestRequest {
    var method: HTTPMethod
    /// The raw request target (`/t/ABC123?x=1`).
    var target: String
    var fields: HTTPFields
    var body: [UInt8]
    /// The socket peer's address, or the trusted proxy header's.
    var client: String
    /// What the connection worked out for its previous requests (visitor hash, user agent, referrer).
    var memo: ConnectionMemo
    /// The event loop's id generator: one per loop, so its counter is never shared between threads.
    var eventIDs: EventIDGenerator

    /// The single value of `name` (lower case; one of `HTTPFieldSelection`'s); nil when absent or repeated (a repeated Host or Origin is an
    /// ambiguity someone built on purpose).
    func header(_ name: String) -> String? {
        fields.single(name)
    }
}
