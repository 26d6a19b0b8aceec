import Mustache
import WaymarkCore

/// The escaping every template renders `{{value}}` with: swift-mustache's own, with the same five
/// entities, but on bytes (`String.htmlEscaped`) rather than one `Character` and one dictionary
/// lookup at a time, which was a sixteenth of a full build's CPU.
///
/// swift-mustache picks a content type by a pragma at the top of a template; `TemplateSet`
/// puts it on a line of its own before every template's text, where the parser drops it whole.
struct HTMLText: MustacheContentType {
    static let name = "WAYMARK_HTML"
    /// The first line of every compiled template.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// Lines the pragma adds before a template's own first line.
    static let pragmaLines = 1

    func escapeText(_ text: String) -> String { text.htmlEscaped }

    /// Registers the content type with swift-mustache (once per process).
    static func register() { _ = registration }

    private static let registration: Void = MustacheContentTypes.register(HTMLText(), named: name)
}
