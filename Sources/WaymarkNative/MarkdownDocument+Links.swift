internal import CCmarkGFM

extension MarkdownDocument {
    /// A link or image in the Markdown source, where it is written.
    public struct Link: Equatable, Sendable {
        public var url: String
        public var isImage: Bool
        /// 1-based, in the Markdown text given to the document.
        public var line: Int
        public var column: Int

        public init(url: String, isImage: Bool, line: Int, column: Int) {
            self.url = url
            self.isImage = isImage
            self.line = line
            self.column = column
        }
    }

    /// Every link and image, in document order.
    public func links() -> [Link] {
        var links: [Link] = []
        forEachLink { node, link in links.append(link) }
        return links
    }

    /// Replaces link and image URLs: `transform` returns the new URL, or nil to keep the old one.
    /// Used to point images at their published, content-hashed copies.
    public func rewriteURLs(_ transform: (Link) -> String?) {
        forEachLink { node, link in
            if let url = transform(link) { _ = url.withCString { cmark_node_set_url(node, $0) } }
        }
    }

    private func forEachLink(_ body: (OpaquePointer, Link) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            body(node, Link(url: url, isImage: type == CMARK_NODE_IMAGE,
                            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
        }
    }
}
