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
    ///
    /// Works on UTF-8 bytes: splitting whole files into `Character` lines was a tenth of a build.
    static func split(_ text: String, path: String) throws(Diagnostic) -> SourceText {
        let bytes = Array(text.utf8)
        var lineStart = 0
        var line = 1
        var fences: [(start: Int, end: Int, line: Int)] = []
        while lineStart <= bytes.count, fences.count < 2 {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if isFence(bytes[lineStart..<lineEnd], closing: !fences.isEmpty) {
                fences.append((lineStart, lineEnd, line))
            } else if fences.isEmpty {
                break
            }
            lineStart = lineEnd + 1
            line += 1
        }
        guard let opening = fences.first else {
            throw .error("missing front matter: the file must start with a line '---'", at: SourceLocation(path: path))
        }
        guard fences.count == 2 else {
            throw .error("front matter is not closed: add a line '---' after it", at: SourceLocation(path: path))
        }
        let closing = fences[1]
        let yamlStart = min(opening.end + 1, closing.start)
        guard closing.start - yamlStart <= frontMatterLimit else {
            throw .error("front matter is larger than \(frontMatterLimit / 1024) KiB", at: SourceLocation(path: path, line: 2))
        }
        let yaml = String(decoding: bytes[yamlStart..<max(yamlStart, closing.start - (closing.start > yamlStart ? 1 : 0))], as: UTF8.self)
        let body = closing.end < bytes.count ? String(decoding: bytes[(closing.end + 1)...], as: UTF8.self) : ""
        return SourceText(path: path, frontMatter: yaml, frontMatterLine: 2, body: body, bodyLine: closing.line + 1)
    }

    /// `---` (or `...` to close), allowing trailing spaces and a CR.
    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var content = line
        while let last = content.last, last == 0x20 || last == 0x09 || last == 0x0D { content = content.dropLast() }
        while let first = content.first, first == 0x20 || first == 0x09 { content = content.dropFirst() }
        return content.elementsEqual("---".utf8) || (closing && content.elementsEqual("...".utf8))
    }
}
