internal import CXML2

/// Makes HTML from content safe to publish when a site lets raw HTML through: removes elements
/// that run code or pull in other documents, every `on…` event-handler and `style` attribute, and
/// URLs with a `javascript:`, `vbscript:` or `data:` scheme.
///
/// Works on libxml2's parse tree, not on text: the parser has already decoded entities and
/// resolved the odd spellings (`JaVaScRiPt&#58;`) that defeat pattern matching.
public enum HTMLSanitizer {
    static let removedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "link",
        "base", "form", "button", "textarea", "select", "svg", "math", "template", "noscript",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "cite"]
    static let dangerousSchemes = ["javascript:", "vbscript:", "data:"]

    /// The cleaned fragment (what goes inside a page's `<body>`).
    public static func clean(_ fragment: String) -> String {
        let wrapped = "<!DOCTYPE html><html><body>\(fragment)</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let document = wrapped.withCString({ htmlReadMemory($0, Int32(strlen($0)), nil, "UTF-8", options) }) else { return "" }
        defer { xmlFreeDoc(document) }
        guard let body = findBody(xmlDocGetRootElement(document)) else { return "" }
        scrub(children: body)
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = body.pointee.children
        while let node = child {
            htmlNodeDump(buffer, document, node)
            child = node.pointee.next
        }
        return String(cString: xmlBufferContent(buffer))
    }
}

private extension HTMLSanitizer {
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func findBody(_ root: xmlNodePtr?) -> xmlNodePtr? {
        var child = root?.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, name(node) == "body" { return node }
            child = node.pointee.next
        }
        return nil
    }

    static func scrub(children parent: xmlNodePtr) {
        var child = parent.pointee.children
        while let node = child {
            child = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE where removedElements.contains(name(node)):
                xmlUnlinkNode(node)
                xmlFreeNode(node)
            case XML_ELEMENT_NODE:
                scrub(attributes: node)
                scrub(children: node)
            case XML_COMMENT_NODE, XML_PI_NODE:
                // Conditional comments are code in old browsers; comments are never content.
                xmlUnlinkNode(node)
                xmlFreeNode(node)
            default:
                break
            }
        }
    }

    static func scrub(attributes node: xmlNodePtr) {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let key = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var remove = key.hasPrefix("on") || key == "style"
            if !remove, urlAttributes.contains(key), let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                defer { cxml2_free(value) }
                // Browsers ignore control characters and white space inside a scheme.
                let compact = String(cString: value).lowercased().unicodeScalars.filter { $0.value > 0x20 }
                let text = String(String.UnicodeScalarView(compact))
                remove = dangerousSchemes.contains { text.hasPrefix($0) }
            }
            if remove { xmlRemoveProp(current) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
