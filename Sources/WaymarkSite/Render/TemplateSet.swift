import Foundation
import Mustache
import WaymarkCore

/// The compiled templates a build renders with: the built-in defaults, each overridable by a file
/// of the same name in the project's templates/ folder. Compiled once per build.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The redirect pages' inline script, kept apart so its CSP hash can be computed.
    let redirectScript: String
    /// SHA-256 of every template's name and text: a page rendered with another set is rendered again.
    let digest: String

    /// Loads the defaults and the overrides found in `folder` (which may not exist).
    public init(overridesIn folder: String?, files: ContentFiles = .disk) throws(DiagnosticsError) {
        var sources = DefaultTemplates.files.mapValues { String(decoding: $0, as: UTF8.self) }
        var origin = [String: String]()
        if let folder, let names = files.list(folder) {
            for name in names where sources[name] != nil {
                let path = "\(folder)/\(name)"
                if let data = try? files.read(path) {
                    sources[name] = String(decoding: data, as: UTF8.self)
                    origin[name] = path
                }
            }
        }
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        HTMLText.register()
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            do {
                try library.register(HTMLText.pragma + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber - HTMLText.pragmaLines
                let location = SourceLocation(path: origin[file] ?? "templates/\(file)", line: line, column: error.context.columnNumber)
                problems.append(.error("template error: \(error.error)", at: location))
            } catch {
                problems.append(.error("template error: \(error)", at: SourceLocation(path: origin[file] ?? "templates/\(file)")))
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        self.library = library
        var fingerprint = Fingerprint()
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(file)
            fingerprint.add(text)
        }
        digest = fingerprint.hex()
        redirectScript = sources["redirect.js"]!.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Renders the template `name` (without `.mustache`) with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
