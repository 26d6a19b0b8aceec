import NIOCore
import NIOHTTP1
import WaymarkCore

/// What the router answers; the handler adds `Content-Length` and `Connection`.
struct IngestResponse {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders = [:]
    var body: String = ""
    /// The whole response as sent on a kept-alive connection, when it was encoded ahead
    /// (`encodedAhead()`): redirects and beacon answers, sent thousands of times a second, are
    /// then written as they are instead of being encoded again for every request.
    private(set) var keepAliveBytes: ByteBuffer?

    init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// This response with its kept-alive form encoded once, for answers given over and over.
    func encodedAhead() -> IngestResponse {
        var response = self
        var bytes = ByteBufferAllocator().buffer(capacity: 256 + body.utf8.count)
        bytes.writeResponse(self, connection: .keepAlive, includeBody: true)
        response.keepAliveBytes = bytes
        return response
    }

    static func text(_ status: HTTPResponseStatus, _ body: String, type: String = "text/plain; charset=utf-8") -> IngestResponse {
        var headers: HTTPHeaders = ["content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff"]
        if status == .methodNotAllowed { headers.add(name: "allow", value: "GET, HEAD, POST, OPTIONS") }
        if status == .tooManyRequests || status == .serviceUnavailable { headers.add(name: "retry-after", value: "5") }
        return IngestResponse(status: status, headers: headers, body: body)
    }

    static func rejection(_ reason: Rejection) -> IngestResponse {
        text(reason.status, "\(reason.status.code) \(reason.status.reasonPhrase): \(reason.rawValue)\n")
    }

    /// The "no longer active" page of a retired token, linking to its notice page.
    static func retired(target: String, title: String) -> IngestResponse {
        let page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>No longer active</title></head>
        <body><h1>This code is no longer active</h1><p><a href="\(target.htmlEscaped)">\(title.htmlEscaped)</a></p></body></html>

        """
        return text(.gone, page, type: "text/html; charset=utf-8")
    }

    /// The answer to an accepted beacon from `origin` (one of the sites').
    static func beaconAccepted(origin: String) -> IngestResponse {
        IngestResponse(status: .noContent, headers: ["access-control-allow-origin": origin, "vary": "Origin"])
    }

    /// The answer to a CORS preflight from `origin` (one of the sites').
    static func preflight(origin: String) -> IngestResponse {
        var response = beaconAccepted(origin: origin)
        response.headers.add(name: "access-control-allow-methods", value: "POST, GET")
        response.headers.add(name: "access-control-allow-headers", value: "content-type")
        response.headers.add(name: "access-control-max-age", value: "86400")
        return response
    }

    static func redirect(to target: String) -> IngestResponse {
        // 302, never 301: a cached permanent redirect would hide every later scan (DESIGN §5).
        IngestResponse(status: .found, headers: ["location": target, "cache-control": "no-store"])
    }
}
