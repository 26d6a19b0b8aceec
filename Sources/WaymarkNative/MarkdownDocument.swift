internal import CCmarkGFM

/// A Markdown text parsed by cmark-gfm with the GitHub extensions Waymark promises: tables,
/// strikethrough, autolinks and task lists.
///
/// Owns the C parser and tree; both are freed when the document goes away.
public final class MarkdownDocument {
    /// How the HTML is produced.
    public struct Options: Sendable {
        /// Pass raw HTML through. Off by default: content is data, not markup; a site opts in.
        public var allowRawHTML: Bool
        /// Curly quotes and dashes, as a typesetter would.
        public var smartPunctuation: Bool

        public init(allowRawHTML: Bool = false, smartPunctuation: Bool = true) {
            self.allowRawHTML = allowRawHTML
            self.smartPunctuation = smartPunctuation
        }
    }

    private let parser: OpaquePointer
    let root: OpaquePointer
    private let flags: Int32

    public init(_ markdown: String, options: Options = Options()) {
        Self.registerExtensions
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        self.flags = flags
        let parser = cmark_parser_new(flags)!
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        // `tagfilter` disables the dangerous tags GitHub disables, for sites that opt into raw HTML.
        if options.allowRawHTML, let ext = cmark_find_syntax_extension("tagfilter") {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document as an HTML fragment; headings carry the ids `headingIDs()` gives.
    public func html() -> String { rendered().html }

    /// The document as an HTML fragment, with the ids its headings carry in it: `headingIDs()`,
    /// or none when they could not be added (see `addingIDs`).
    public func rendered() -> (html: String, ids: [String]) {
        // The extension list must be passed again here, or tables are silently dropped.
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let pointer = cmark_render_html(root, flags, extensions) else { return ("", []) }
        defer { free(pointer) }
        let html = String(cString: pointer), ids = headingIDs()
        guard let withIDs = Self.addingIDs(ids, to: html) else { return (html, []) }
        return (withIDs, ids)
    }

    /// cmark writes headings as bare `<hN>` tags, in document order: give the n-th one the n-th id.
    /// Raw HTML headings would upset the count, so when counts differ nothing is changed (nil).
    static func addingIDs(_ ids: [String], to html: String) -> String? {
        guard !ids.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + ids.reduce(0) { $0 + $1.utf8.count + 6 })
        var found = 0
        var index = 0
        while index < bytes.count {
            // `<h1>` … `<h6>`: exactly four bytes, so `<hr />` and `<h2 class=…>` are left alone.
            if bytes[index] == UInt8(ascii: "<"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">") {
                guard found < ids.count else { return nil }
                output.append(contentsOf: bytes[index...(index + 2)])
                output.append(contentsOf: Array(" id=\"\(ids[found])\"".utf8))
                found += 1
                index += 3
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return found == ids.count ? String(decoding: output, as: UTF8.self) : nil
    }

    /// Extensions are registered once per process; cmark keeps them in a global registry.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
