import WaymarkCore
import NIOHTTP1

/// What the router answers; the handler adds `Content-Length` and `Connection`.
struct IngestResponse {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders = [:]
    var body: String = ""

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

    static func redirect(to target: String) -> IngestResponse {
        // 302, never 301: a cached permanent redirect would hide every later scan (DESIGN §5).
        IngestResponse(status: .found, headers: ["location": target, "cache-control": "no-store"])
    }
}
