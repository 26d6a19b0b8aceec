internal import CXML2

/// Reads attribute values out of an HTML page with libxml2's forgiving HTML parser in SAX mode:
/// the same parse as `HTMLDocument` (same implied and auto-closed elements, same entity
/// decoding), but no tree is built. Building the tree was most of the link check's cost.
public enum HTMLAttributeReader {
    /// `attribute` on elements named `element`, or on every element when `element` is nil.
    /// Names are lower case, as the HTML parser reports them.
    public struct Selector: Sendable {
        public var element: String?
        public var attribute: String

        public init(element: String? = nil, attribute: String) {
            self.element = element
            self.attribute = attribute
        }
    }

    /// The values each selector matches, in document order: what the XPath `//a/@href` (for
    /// `Selector(element: "a", attribute: "href")`) or `//@id` would give.
    public static func values(_ selectors: [Selector], in html: String) -> [[String]] {
        let collector = Collector(selectors)
        var handler = htmlSAXHandler()
        // Only start tags are of interest; with no error callbacks the parser reports nothing.
        handler.startElement = { context, name, attributes in
            guard let context, let name, let attributes else { return }
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().element(name, attributes)
        }
        withExtendedLifetime(collector) {
            html.withCString { text in
                let document = htmlSAXParseDoc(UnsafeRawPointer(text).assumingMemoryBound(to: xmlChar.self), "UTF-8",
                                               &handler, Unmanaged.passUnretained(collector).toOpaque())
                if let document { xmlFreeDoc(document) }
            }
        }
        return collector.values
    }
}

private extension HTMLAttributeReader {
    /// Receives the parser's start tags; a class so the C callback can reach it by pointer.
    final class Collector {
        let wanted: [(element: [CChar]?, attribute: [CChar])]
        var values: [[String]]

        init(_ selectors: [Selector]) {
            wanted = selectors.map { ($0.element.map { Array($0.utf8CString) }, Array($0.attribute.utf8CString)) }
            values = Array(repeating: [], count: selectors.count)
        }

        /// `attributes` is name, value, name, value, …, then NULL; a value-less attribute has a NULL value.
        func element(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) {
            var index = 0
            while let attribute = attributes[index] {
                for (slot, selector) in wanted.enumerated()
                where Self.same(attribute, selector.attribute) && (selector.element.map { Self.same(name, $0) } ?? true) {
                    values[slot].append(attributes[index + 1].map { String(cString: $0) } ?? "")
                }
                index += 2
            }
        }

        static func same(_ name: UnsafePointer<xmlChar>, _ wanted: [CChar]) -> Bool {
            wanted.withUnsafeBufferPointer { strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), $0.baseAddress!) == 0 }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
