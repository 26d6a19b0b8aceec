import Foundation
import WaymarkCore

/// A content file's text, split into YAML front matter and Markdown body.
///
/// Line numbers are kept so a problem in either part is reported at its place in the file, not in
/// the part: Yams counts from the start of the YAML, which is line 2 of the file.
struct SourceText {
    /// Path as printed in diagnostics (relative to the project root).
    let path: String
    let frontMatter: String
    /// The file line on which the YAML starts; add `frontMatterLine - 1` to a Yams line.
    let frontMatterLine: Int
    let body: String
    /// The file line on which the Markdown body starts.
    let bodyLine: Int

    /// Largest front matter accepted; real front matter is a few hundred bytes.
    static let frontMatterLimit = 64 * 1024

    /// Splits `text` at the `---` fences; a file without them is a diagnostic at line 1.
    static func split(_ text: String, path: String) throws(Diagnostic) -> SourceText {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            throw .error("missing front matter: the file must start with a line '---'", at: SourceLocation(path: path))
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }) else {
            throw .error("front matter is not closed: add a line '---' after it", at: SourceLocation(path: path))
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        guard yaml.utf8.count <= frontMatterLimit else {
            throw .error("front matter is larger than \(frontMatterLimit / 1024) KiB", at: SourceLocation(path: path, line: 2))
        }
        let body = lines[(closing + 1)...].joined(separator: "\n")
        // Line 1 is the opening fence; `closing` counts from it.
        return SourceText(path: path, frontMatter: yaml, frontMatterLine: 2, body: body, bodyLine: closing + 2)
    }
}
