import NIOHTTP1
import WaymarkCore
import WaymarkScans

extension IngestService {
    func route(_ request: IngestRequest) -> Outcome {
        let target = request.target.utf8
        // Origin-form only: absolute-form (`GET http://…`) and `*` are for proxies.
        guard target.first == UInt8(ascii: "/") else { return .reject(.malformedRequest) }
        let queryStart = target.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = target[..<(queryStart ?? target.endIndex)]
        let query = queryStart.map { request.target[request.target.index(after: $0)...] } ?? ""
        let path: String
        if rawPath.contains(UInt8(ascii: "%")) {
            guard case let .success(decoded) = PercentDecoding.decode(rawPath) else { return .reject(.badEncoding) }
            path = decoded
        } else {
            // Nothing to decode, and the parser let only printable ASCII into the target.
            path = String(request.target[..<(queryStart ?? target.endIndex)])
        }

        switch path {
        case "/healthz": return onlyReading(request) ?? healthz()
        case "/metrics": return onlyReading(request) ?? metricsPage()
        default: break
        }
        if let limiter, !limiter.allow(request.client) { return .reject(.rateLimited) }
        if path == "/b" { return beacon(request, query: query) }
        if path.hasPrefix("/t/") { return scan(request, token: path.dropFirst(3)) }
        return .reject(.notFound)
    }

    private func onlyReading(_ request: IngestRequest) -> Outcome? {
        request.method == .GET || request.method == .HEAD ? nil : .reject(.methodNotAllowed)
    }

    /// The referring page reduced to its host; anything that is not a web or app URL is dropped.
    func referrerHost(_ url: String?) -> String? {
        guard let url, url.utf8.count <= 2048, let parts = URLParts(url) else { return nil }
        switch parts.scheme {
        case "http", "https", "android-app": return parts.host
        default: return nil
        }
    }

    func makeEvent(_ kind: ScanEvent.Kind, site: SiteID, token: Token, referrer: String?, request: IngestRequest) -> ScanEvent {
        let timestamp = now()
        let country = options.countryHeader.flatMap { request.header($0) }.flatMap(Self.countryCode)
        return ScanEvent(
            id: request.eventIDs.make(at: timestamp), ts: timestamp, site: site, token: token, kind: kind,
            ua: request.memo.userAgent(request.header("user-agent")),
            ref: request.memo.referrerHost(referrer, reduce: referrerHost), cc: country,
            ih: request.memo.visitorHash(address: request.client, on: timestamp.day, using: visitorHash)
        )
    }

    /// Two ASCII letters, upper-cased; edge headers use `XX`/`T1` for unknown and Tor, kept as is.
    static func countryCode(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) }) else { return nil }
        return value.uppercased()
    }
}

private extension IngestService {
    func scan(_ request: IngestRequest, token text: Substring) -> Outcome {
        guard request.method == .GET || request.method == .HEAD else { return .reject(.methodNotAllowed) }
        guard let hostHeader = request.header("host") else { return .reject(.badHost) }
        let directory = request.memo.directory(of: manifest)
        let site: SiteID
        switch directory.site(host: hostHeader) {
        case let .success(found): site = found
        case let .failure(reason): return .reject(reason)
        }
        switch directory.lookup(text, on: site) {
        case .unknown: return .reject(.unknownToken)
        case .otherSite: return .reject(.wrongSite)
        case let .retired(record):
            return .respond(.retired(target: record.entry.target, title: record.entry.title), rejected: .retiredToken)
        case let .active(record):
            // HEAD is a link checker, not a person: redirect without counting a scan.
            if request.method == .HEAD { return .respond(record.redirect, rejected: nil) }
            let event = makeEvent(.scan, site: site, token: record.token, referrer: request.header("referer"), request: request)
            return .log(event, then: record.redirect)
        }
    }

    func healthz() -> Outcome {
        let problems = health.problems(writer: writer, manifest: manifest)
        guard !problems.isEmpty else { return .respond(.text(.ok, "{\"status\":\"ok\"}\n", type: "application/json"), rejected: nil) }
        let reasons = problems.map { "{\"code\":\(Self.jsonString($0.code)),\"detail\":\(Self.jsonString($0.detail))}" }
        let body = "{\"status\":\"degraded\",\"reasons\":[\(reasons.joined(separator: ","))]}\n"
        return .respond(.text(.serviceUnavailable, body, type: "application/json"), rejected: nil)
    }

    func metricsPage() -> Outcome {
        let degraded = !health.problems(writer: writer, manifest: manifest).isEmpty
        let text = metrics.render(log: writer.currentStatistics, tokens: manifest.directory.manifest.tokens.count, degraded: degraded)
        return .respond(.text(.ok, text, type: "text/plain; version=0.0.4; charset=utf-8"), rejected: nil)
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
