internal import CCmarkGFM

extension MarkdownDocument {
    /// The `id` each heading gets, in document order: its text in lower case, letters and digits
    /// kept, spaces as hyphens, made unique with `-1`, `-2`… as GitHub does, so `#history` links work.
    public func headingIDs() -> [String] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var ids: [String] = []
        var seen: [String: Int] = [:]
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            let base = Self.slug(Self.text(of: node))
            let count = seen[base, default: 0]
            seen[base] = count + 1
            ids.append(count == 0 ? base : "\(base)-\(count)")
        }
        return ids
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The plain text under a node (text and code spans).
    private static func text(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else {
                text += Self.text(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
