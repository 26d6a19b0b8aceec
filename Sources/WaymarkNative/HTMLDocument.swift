internal import CXML2

/// An HTML page parsed by libxml2's forgiving HTML parser, for reading links and attributes back.
///
/// Owns the C document and frees it on deinit.
public final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses `html`; nil only when libxml2 cannot build any tree at all.
    public init?(_ html: String) {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed = html.withCString { htmlReadMemory($0, Int32(strlen($0)), nil, "UTF-8", options) }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The string values of an XPath 1.0 query that selects attributes or text, in document order,
    /// e.g. `//a/@href` or `//h1`.
    public func strings(_ xpath: String) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval, nodes.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).compactMap { index in
            guard let node = nodes.pointee.nodeTab[index], let content = xmlNodeGetContent(node) else { return nil }
            defer { cxml2_free(content) }
            return String(cString: content)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
