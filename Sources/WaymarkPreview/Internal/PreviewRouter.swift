import Foundation
import NIOHTTP1
import WaymarkCore

/// Answers a request for one site's port the way its static host would: a file, else a
/// `_redirects` rule, else a folder's `index.html`, else the site's `404.html` with status 404.
/// While the content does not build, every page is the error page instead.
struct PreviewRouter {
    let site: SiteID
    let snapshot: PreviewSnapshot

    func respond(method: HTTPMethod, target: String) -> PreviewResponse {
        guard method == .GET || method == .HEAD else {
            var response = PreviewResponse.text(.methodNotAllowed, "405 Method Not Allowed")
            response.headers.add(name: "allow", value: "GET, HEAD")
            return response
        }
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        let query = target.dropFirst(rawPath.count).hasPrefix("?") ? String(target.dropFirst(rawPath.count)) : ""
        guard rawPath.hasPrefix("/"), let path = rawPath.removingPercentEncoding,
              !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }), !path.contains("\0")
        else { return .text(.badRequest, "400 Bad Request") }
        let version = snapshot.version(of: site)
        if let overlay = snapshot.overlay, Self.isPage(path) {
            return .file("error.html", Array(overlay.html.utf8), status: .internalServerError, version: version)
        }
        guard let served = snapshot.sites[site] else { return .text(.serviceUnavailable, "503 the site has not been built yet") }
        return Resolution(site: served, version: version).respond(path: path, query: query)
    }

    /// Pages get the error page while the build is broken; assets still come from the last good build.
    static func isPage(_ path: String) -> Bool {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return path.hasSuffix("/") || !last.contains(".") || ContentType.isHTML(last)
    }
}

private struct Resolution {
    let site: PreviewSite
    let version: String

    func respond(path: String, query: String) -> PreviewResponse {
        let prefix = site.pathPrefix
        if !prefix.isEmpty {
            // The site lives below a path (base_url https://example.org/trails): so does the preview.
            if path == "/" || path == prefix { return .redirect(to: prefix + "/" + query) }
            guard path.hasPrefix(prefix + "/") else { return notFound() }
        }
        let relative = String(path.dropFirst(prefix.count + 1))
        let forced = site.rules.rule(for: path).flatMap { $0.force ? $0 : nil }
        if forced == nil, !relative.hasSuffix("/"), !relative.isEmpty, let bytes = file(relative) {
            return .file(relative, bytes, version: version)
        }
        let folderIndex = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : nil
        if forced == nil, let folderIndex, let bytes = file(folderIndex) {
            return .file(folderIndex, bytes, version: version)
        }
        if let rule = forced ?? site.rules.rule(for: path) { return apply(rule, query: query) }
        if folderIndex == nil, file(relative + "/index.html") != nil {
            // What static hosts do for a folder without its slash (302: a preview must not be cached).
            return .redirect(to: path + "/" + query)
        }
        return notFound()
    }

    func apply(_ rule: RedirectRules.Rule, query: String) -> PreviewResponse {
        let status = HTTPResponseStatus(statusCode: rule.status)
        let local = rule.to.hasPrefix("/")
        switch rule.status {
        case 300..<400:
            return .redirect(to: rule.to + (rule.to.contains("?") ? "" : query), status: status)
        case 200 where local, 400..<500 where local:
            // A rewrite: the target's content at the requested URL (404/410 with that status).
            let to = String(rule.to.prefix { $0 != "?" })
            guard to.hasPrefix(site.pathPrefix + "/") else { return notFound() }
            let target = String(to.dropFirst(site.pathPrefix.count + 1))
            let path = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
            guard let bytes = file(path) else { return notFound() }
            return .file(path, bytes, status: status, version: version)
        default:
            // A proxy to another origin: the preview cannot be that host, so it shows the way.
            return .redirect(to: rule.to)
        }
    }

    func notFound() -> PreviewResponse {
        guard let page = file("404.html") else { return .text(.notFound, "404 Not Found") }
        return .file("404.html", page, status: .notFound, version: version)
    }

    func file(_ relative: String) -> [UInt8]? { site.files[relative] }
}
