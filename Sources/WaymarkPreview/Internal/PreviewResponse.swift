import NIOHTTP1

/// An answer of the preview, complete in memory (pages are small; the event stream is separate).
struct PreviewResponse {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: [UInt8]

    init(status: HTTPResponseStatus, type: String?, body: [UInt8] = []) {
        self.status = status
        // A preview changes under the browser's feet: never let it keep a copy.
        headers = ["cache-control": "no-store"]
        if let type { headers.add(name: "content-type", value: type) }
        self.body = body
    }

    /// A file as the host sends it; an HTML page also gets the live-reload script.
    static func file(_ path: String, _ bytes: [UInt8], status: HTTPResponseStatus = .ok, version: String) -> PreviewResponse {
        let type = ContentType.of(path)
        let body = ContentType.isHTML(path) ? LiveReloadScript.inject(into: bytes, version: version) : bytes
        return PreviewResponse(status: status, type: type, body: body)
    }

    static func redirect(to location: String, status: HTTPResponseStatus = .found) -> PreviewResponse {
        var response = PreviewResponse(status: status, type: nil)
        response.headers.add(name: "location", value: location)
        return response
    }

    static func text(_ status: HTTPResponseStatus, _ message: String) -> PreviewResponse {
        PreviewResponse(status: status, type: "text/plain; charset=utf-8", body: Array((message + "\n").utf8))
    }
}
