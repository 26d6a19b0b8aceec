import WaymarkCore
import WaymarkSite

/// One site as the preview serves it: its rendered files and the `_redirects` rules its host
/// would apply, at the path its base URL puts it below.
struct PreviewSite: Sendable {
    /// Where preview pages send scan beacons instead of the site's `beacon_url`.
    static let beaconPath = "/__waymark/beacon"

    let id: SiteID
    /// `""` or `/trails`: the base URL's path, which every link in the pages starts with.
    let pathPrefix: String
    let beaconURL: String?
    /// The tree as rendered: compared between builds to tell whether open tabs need a reload.
    let rendered: OutputTree
    /// What is served: the deployable files without the host's own config files, HTML pages
    /// sending their beacon to the preview.
    let files: [String: [UInt8]]
    let rules: RedirectRules

    init(id: SiteID, output: SiteRenderer.Output, manifest: Manifest) {
        self.id = id
        let site = manifest.sites[id.rawValue]
        pathPrefix = site.flatMap { SiteURL($0.baseURL)?.pathPrefix } ?? ""
        beaconURL = site?.beaconURL
        rendered = output.site
        // Netlify and Cloudflare read `_redirects` from the site folder; for every other host the
        // same rules sit in the private server folder (nginx.conf says the same in its syntax).
        let rulesText = output.site["_redirects"] ?? output.server["_redirects"] ?? ""
        rules = RedirectRules(text: rulesText)
        var files: [String: [UInt8]] = [:]
        for (path, bytes) in output.site.files where !Self.hostFiles.contains(path) {
            files[path] = ContentType.isHTML(path) ? Self.sendingBeaconToPreview(bytes) : bytes
        }
        self.files = files
    }

    /// A site from files at hand (router tests).
    init(id: SiteID, pathPrefix: String = "", beaconURL: String? = nil, files: [String: String], rules: RedirectRules = .init()) {
        self.id = id
        self.pathPrefix = pathPrefix
        self.beaconURL = beaconURL
        var tree = OutputTree()
        for (path, text) in files { tree.add(path, text) }
        rendered = tree
        self.files = tree.files.filter { !Self.hostFiles.contains($0.key) }
        self.rules = rules
    }

    /// Files a host consumes at deploy and never serves.
    static let hostFiles: Set<String> = ["_redirects", "_headers", ".htaccess"]

    /// The page with its `data-beacon` (read by the redirect script) pointing at the preview, so
    /// trying a token in preview never records a scan in the real logs.
    static func sendingBeaconToPreview(_ html: [UInt8]) -> [UInt8] {
        let attribute = Array("data-beacon=\"".utf8)
        guard let start = html.firstRange(of: attribute)?.upperBound,
              let end = html[start...].firstIndex(of: UInt8(ascii: "\""))
        else { return html }
        return Array(html[..<start]) + Array(beaconPath.utf8) + Array(html[end...])
    }
}
