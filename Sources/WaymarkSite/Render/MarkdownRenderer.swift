import Foundation
import WaymarkCore
import WaymarkNative

/// Renders the Markdown of one site's content files, publishing the images they use and noting
/// their links for the link check. One per site render: it accumulates what it found.
final class MarkdownRenderer {
    let input: RenderInput
    /// Published image copies, by path in the site folder (`media/<hash>.<ext>`).
    private(set) var media = OutputTree()
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var links: [ContentLink] = []
    /// Images read from content, in order, with their stamp taken before reading (for the cache).
    private(set) var imageReads: [(path: String, stamp: FileStamp?)] = []
    /// Published copies linked to, in order, repeats included (for the cache).
    private(set) var mediaUsed: [String] = []
    /// The bodies rendered since the last `takeBodies()`, for the link check to skip when it
    /// reads the page back (`PageLinks.init(html:skipping:)`). Without raw HTML only: then a
    /// body's links are all in `links` and its ids are its headings'.
    private var bodies: [PageLinks.KnownFragment] = []
    private var published: [String: String] = [:]
    /// Fingerprinting mode: returns a stand-in naming everything the real HTML is made from, without
    /// parsing Markdown or reading images (their stamps are checked apart).
    let placeholders: Bool

    init(input: RenderInput, placeholders: Bool = false) {
        self.input = input
        self.placeholders = placeholders
    }

    /// The bodies rendered for the page just made, forgotten here: held for every page, they
    /// raised a full build's peak memory by 16 MB.
    func takeBodies() -> [PageLinks.KnownFragment] {
        defer { bodies.removeAll(keepingCapacity: true) }
        return bodies
    }

    /// The HTML of a content file's body, which is rendered into the page at `page`.
    func html(_ text: String, file: String, firstLine: Int, page: String) -> String {
        if placeholders {
            // The digest recorded when the file was last read stands for its body: an unchanged file
            // is not read again, and whether its stamp has settled does not change what it stands for.
            if let body = input.reuse?.sources.bodies[file] {
                return "\u{0}markdown\u{0}\(file)\u{0}\(firstLine)\u{0}\(page)\u{0}\(body)"
            }
            return "\u{0}markdown\u{0}\(file)\u{0}\(firstLine)\u{0}\(page)\u{0}\(text)"
        }
        var text = text
        if let reuse = input.reuse, reuse.sources.unread.contains(file) {
            // Loaded from the cache without reading: read the body now that the page needs it.
            guard let body = Self.body(of: file, root: input.root, stamp: reuse.sources.stamps[file]) else {
                diagnostics.append(.error("file changed while the build ran: build again", at: SourceLocation(path: file)))
                return ""
            }
            text = body
        }
        Self.parsing.lock()
        let document = MarkdownDocument(text, options: .init(allowRawHTML: input.config.rawHTML))
        Self.parsing.unlock()
        // Only autolinks lack a column; split the text into lines only when one is found.
        var lines: [Substring]?
        document.rewriteURLs { link in
            if link.column < 1, lines == nil { lines = Self.lines(of: text) }
            let (line, column) = Self.position(of: link, in: lines ?? [])
            let location = SourceLocation(path: file, line: firstLine + line - 1, column: column)
            var url = link.url
            if link.isImage {
                // A failed image is already reported; checking it as a link would say it twice.
                guard let published = image(link.url, in: file, at: location) else {
                    links.append(ContentLink(page: page, url: link.url, location: location, reported: true))
                    return nil
                }
                url = published
            } else if url.hasPrefix("/"), !url.hasPrefix("//") {
                // Content is written against the site's root; the site may live below a path.
                url = input.link(url)
            }
            links.append(ContentLink(page: page, url: url, location: location))
            return url == link.url ? nil : url
        }
        let (html, ids) = document.rendered()
        if input.config.rawHTML { return HTMLSanitizer.clean(html) }
        bodies.append(PageLinks.KnownFragment(html: html, ids: ids))
        return html
    }

    /// cmark-gfm switches its extensions' trigger characters (`:` for autolinks, `~`…) on and off
    /// in one process-wide table around the inline pass of every parse, so two parses at once can
    /// drop each other's autolinks: pages then differ from build to build. Parses take turns; the
    /// rest of a page's rendering stays parallel. (The real fix belongs in `MarkdownDocument`.)
    private static let parsing = NSLock()

    /// The Markdown body of a content file, if the file still has the stamp it was loaded with.
    static func body(of file: String, root: String, stamp: FileStamp?) -> String? {
        guard let stamp, FileStamp(path: "\(root)/\(file)") == stamp,
              let data = try? ContentFiles.readFile("\(root)/\(file)"), let text = String(data: data, encoding: .utf8),
              let source = try? SourceText.split(text, path: file) else { return nil }
        return source.body
    }

    /// cmark leaves autolinks without a column: find the URL in the text from the line it gives.
    static func position(of link: MarkdownDocument.Link, in lines: [Substring]) -> (line: Int, column: Int) {
        guard link.column < 1 else { return (link.line, link.column) }
        for index in max(0, link.line - 1)..<lines.count {
            // On UTF-8 bytes: the URL is matched as written.
            if let offset = ByteSearch.offset(of: link.url, in: lines[index]) {
                let start = lines[index].utf8.index(lines[index].startIndex, offsetBy: offset)
                return (index + 1, lines[index][..<start].count + 1)
            }
        }
        return (max(1, link.line), 1)
    }

    /// The text's lines, split at each `\n` byte (splitting by Character, which must look for
    /// grapheme clusters, cost as much as parsing the Markdown).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(text[start ..< newline])
            start = bytes.index(after: newline)
        }
        lines.append(text[start...])
        return lines
    }

    /// Publishes an image next to the content (or under the site's content folder) and returns
    /// its site link; nil (with a diagnostic) when it cannot be published.
    func image(_ reference: String, in file: String, at location: SourceLocation) -> String? {
        if placeholders { return "\u{0}image\u{0}\(reference)\u{0}\(file)\u{0}\(location)" }
        if ContentLink.isExternal(reference) {
            diagnostics.append(.error("images must be in the content folder: the site's Content-Security-Policy blocks '\(reference)'", at: location))
            return nil
        }
        guard let path = resolve(reference, from: file) else {
            diagnostics.append(.error("image '\(reference)' is outside the site's content folder \(input.site.folder)/", at: location))
            return nil
        }
        if let link = published[path] {
            imageReads.append((path, imageReads.first { $0.path == path }?.stamp))
            mediaUsed.append(String(link.dropFirst(input.link("/").count)))
            return link
        }
        imageReads.append((path, FileStamp(path: "\(input.root)/\(path)")))
        guard let bytes = try? input.files.read("\(input.root)/\(path)") else {
            diagnostics.append(.error("image not found: \(path)", at: location))
            return nil
        }
        guard bytes.count <= input.maxImageBytes else {
            diagnostics.append(.error("image \(path) is \(ByteSize(bytes.count)); images may be at most \(ByteSize(input.maxImageBytes))", at: location))
            return nil
        }
        guard let format = ImageFormat(magic: Array(bytes.prefix(16))) else {
            diagnostics.append(.error("\(path) is not a JPEG, PNG, GIF or WebP image (whatever its name says)", at: location))
            return nil
        }
        let clean = ImageMetadataStripper.strip(Array(bytes), format: format)
        let name = "media/\(SHA256.hex(clean).prefix(12)).\(format.fileExtension)"
        media.add(name, bytes: clean)
        mediaUsed.append(name)
        let link = input.link("/" + name)
        published[path] = link
        return link
    }

    /// `photo.jpg` next to `content/acme/pets/rex.md` → `content/acme/pets/photo.jpg`; nil when
    /// the path is absolute or climbs out of the site's content folder.
    func resolve(_ reference: String, from file: String) -> String? {
        guard !reference.hasPrefix("/"), !reference.contains("\\"), !reference.contains("\0") else { return nil }
        let decoded = reference.removingPercentEncoding ?? reference
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        let path = parts.joined(separator: "/")
        return path.hasPrefix(input.site.folder + "/") ? path : nil
    }
}
