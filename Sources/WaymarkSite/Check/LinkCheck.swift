import Foundation
import WaymarkCore
import WaymarkNative

/// Checks every internal link and image written in content against the rendered site: the page
/// (or file) must exist in the same site, and an `#anchor` must be an id on that page. Rendered
/// pages are parsed with libxml2 to find their ids. External links are not fetched.
struct LinkCheck {
    let site: OutputTree
    /// The site's path prefix (`/walks` for a site at https://example.org/walks).
    let prefix: String
    private let ids: IDIndex
    /// Pages already parsed (while rendering, or kept from the previous build, whose bytes are not
    /// in memory), as their records hold them (`PageRecord.html`); any other page is parsed here.
    private let known: [String: PageRecord]

    init(site: OutputTree, prefix: String, known: [String: PageRecord] = [:]) {
        self.site = site
        self.prefix = prefix
        self.known = known
        ids = IDIndex(known: known)
    }

    func diagnostics(for links: [ContentLink]) -> [Diagnostic] {
        Parallel.map(Parallel.slices(links, size: 512)) { batch in
            batch.compactMap { link -> Diagnostic? in
                guard !link.isExternal, !link.reported, let problem = problem(with: link) else { return nil }
                return .error(problem, at: link.location)
            }
        }.flatMap { $0 }
    }

    /// Links the templates (or raw HTML) wrote: every page is parsed with
    /// libxml2 and each site-relative `href`/`src` not written in content is checked the same way.
    /// They are reported at the page, since the template, not a content file, wrote them.
    /// `skippingKept`: leave out pages kept from the previous build (see `targetsDigest`).
    func diagnosticsForTemplateLinks(excluding contentLinks: [ContentLink], site id: String, skippingKept: Bool = false) -> [Diagnostic] {
        let pages = htmlPages(includingKept: !skippingKept)
        let found = Parallel.map(Parallel.slices(pages, size: 64)) { batch -> [BrokenLink] in
            // Every page repeats the layout's links; a site-absolute URL resolves the same from any
            // page, so each is resolved once a batch.
            var verdicts: [String: String?] = [:]
            return batch.flatMap { file in
                let urls = known[file]?.html.urls ?? PageLinks(html: site[file] ?? "").urls
                let page = "/" + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
                return urls.compactMap { url -> BrokenLink? in
                    guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
                    let verdict: String?
                    if let known = verdicts[url] {
                        verdict = known
                    } else {
                        verdict = problem(with: ContentLink(page: page, url: url, location: SourceLocation(path: "")))
                        verdicts[url] = verdict
                    }
                    return verdict.map { BrokenLink(file: file, page: page, url: url, problem: $0) }
                }
            }
        }.flatMap { $0 }
        guard !found.isEmpty else { return [] }
        // A broken link written in content is already reported at its line: only the rest is the
        // template's. (Rare, so the content links are only gathered when something is broken.)
        let written = Set(contentLinks.map { "\($0.page)\u{0}\($0.url)" })
        // By page, and on a page in the order of its (sorted) URLs.
        let ordered = found.sorted { ($0.file, $0.url) < ($1.file, $1.url) }
        return ordered.compactMap { broken -> Diagnostic? in
            guard !written.contains("\(broken.page)\u{0}\(broken.url)") else { return nil }
            return .error("\(broken.problem) (written by a template or raw HTML)", at: SourceLocation(path: "site/\(id)/\(broken.file)"))
        }
    }

    /// Digest of everything a link can resolve against: every file of the site and every page's
    /// ids. When it equals the previous build's, a page kept from that build (same links, which
    /// all resolved then) needs no check.
    func targetsDigest() -> String {
        // A sum of one hash per file (its path, and a page's ids), which needs no order: sorting
        // every path of the site again took a rebuild longer than hashing them. Summed per slice
        // on every core, each lane modulo 2^64.
        var paths = Array(site.files.keys)
        paths += site.kept.filter { site.files[$0] == nil }
        let sums = Parallel.map(Parallel.slices(paths, size: 2048)) { slice -> (UInt64, UInt64) in
            var sum: (UInt64, UInt64) = (0, 0)
            // Each entry's bytes go into one buffer, reused: no string is made per page.
            var entry: [UInt8] = []
            for path in slice {
                entry.removeAll(keepingCapacity: true)
                entry += path.utf8
                if path.hasSuffix(".html") {
                    // Paths hold no NUL: the first one ends the path, the others part the ids.
                    entry.append(0)
                    for (index, id) in (known[path]?.html.ids ?? ids.ids(in: path, of: site).sorted()).enumerated() {
                        if index > 0 { entry.append(0) }
                        entry += id.utf8
                    }
                }
                let (high, low) = entry.withUnsafeBytes(FingerprintHash.digest)
                sum = (sum.0 &+ high, sum.1 &+ low)
            }
            return sum
        }
        var digest = Fingerprint()
        digest.add(String(paths.count))
        digest.add(String(sums.reduce(0) { $0 &+ $1.0 }))
        digest.add(String(sums.reduce(0) { $0 &+ $1.1 }))
        return digest.hex()
    }

    private struct BrokenLink {
        var file: String, page: String, url: String, problem: String
    }

    /// The site's HTML pages, in no particular order: what they report is rare and is sorted
    /// instead of the forty thousand paths of a large site. With the kept ones (not rendered now)
    /// or without.
    private func htmlPages(includingKept: Bool) -> [String] {
        var pages = site.files.keys.filter { $0.hasSuffix(".html") }
        if includingKept { pages += site.kept.filter { $0.hasSuffix(".html") && site.files[$0] == nil } }
        return pages
    }

    /// Why the link does not resolve, or nil when it does (or is not ours to check).
    private func problem(with link: ContentLink) -> String? {
        let url = link.url
        if url.isEmpty { return "link has no target" }
        // Found on bytes (ASCII, never part of another character's UTF-8): searching by Character
        // made this a hundredth of a full build.
        let bytes = url.utf8
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), !bytes[..<colon].contains(UInt8(ascii: "/")) {
            return nil // mailto:, tel:, and any other scheme: not a page of this site
        }
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let beforeAnchor = bytes[..<(hash ?? bytes.endIndex)]
        let pathPart = String(url[..<(beforeAnchor.firstIndex(of: UInt8(ascii: "?")) ?? beforeAnchor.endIndex)])
        let anchor = hash.map { String(url[bytes.index(after: $0)...]) }
        let sitePath: String
        if pathPart.isEmpty {
            sitePath = link.page
        } else if pathPart.hasPrefix("/") {
            guard pathPart == prefix || pathPart.hasPrefix(prefix + "/") else {
                return "link '\(url)' leaves the site (its pages are under \(prefix)/)"
            }
            sitePath = String(Substring(pathPart.utf8.dropFirst(prefix.utf8.count)))
        } else {
            sitePath = Self.resolve(pathPart, against: link.page)
        }
        guard let file = file(for: sitePath) else { return "broken link '\(url)': there is no page \(sitePath) in this site" }
        if let anchor, !anchor.isEmpty, !ids.ids(in: file, of: site).contains(Self.decoded(anchor)) {
            return "broken link '\(url)': \(sitePath) has no element with id '\(anchor)'"
        }
        return nil
    }

    /// The output file a site path is served from, as a static host would find it.
    private func file(for sitePath: String) -> String? {
        let relative = Self.decoded(String(sitePath[(sitePath.utf8.firstIndex { $0 != UInt8(ascii: "/") } ?? sitePath.endIndex)...]))
        let candidates = relative.isEmpty || relative.hasSuffix("/") ? [relative + "index.html"] : [relative, relative + "/index.html"]
        return candidates.first { site.contains($0) }
    }

    /// Percent-decoded, when it has a `%` (Foundation's decoder is slow even on text without one).
    private static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// `../weir/` on page `/trails/x/mill/` → `/trails/x/weir/`.
    static func resolve(_ relative: String, against page: String) -> String {
        var parts = page.split(separator: "/").map(String.init)
        if !page.hasSuffix("/") { parts.removeLast() }
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for piece in pieces {
            switch piece {
            case ".", "": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return "/" + parts.joined(separator: "/") + (relative.hasSuffix("/") || relative.hasSuffix("/.") || relative == "." ? "/" : "")
    }
}

/// The `id`s of rendered pages, parsed once each, on demand, from any thread.
private final class IDIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: Set<String>] = [:]
    private let known: [String: PageRecord]

    init(known: [String: PageRecord]) { self.known = known }

    func ids(in file: String, of site: OutputTree) -> Set<String> {
        lock.lock()
        let known = cache[file]
        lock.unlock()
        if let known { return known }
        // A page linked to by many anchors makes its set once either way.
        let found: Set<String>
        if let page = self.known[file] {
            found = Set(page.html.ids)
        } else {
            found = file.hasSuffix(".html") ? Set(PageLinks(html: site[file] ?? "").ids) : []
        }
        lock.lock()
        cache[file] = found
        lock.unlock()
        return found
    }
}
