import Foundation
import WaymarkCore

/// What `waymark check --format json` prints: every diagnostic, the summary and the external
/// links found (listed, never fetched), for tools and CI annotations.
struct CheckReport: Encodable {
    struct Entry: Encodable {
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
    }

    struct Link: Encodable {
        var url: String
        var path: String
        var line: Int
        var column: Int
    }

    var diagnostics: [Entry]
    var errors: Int
    var warnings: Int
    var externalLinks: [Link]

    enum CodingKeys: String, CodingKey {
        case diagnostics, errors, warnings, externalLinks = "external_links"
    }

    init(diagnostics: [Diagnostic], externalLinks: [(url: String, location: SourceLocation)]) {
        let sorted = diagnostics.sorted { $0.location < $1.location }
        self.diagnostics = sorted.map {
            Entry(severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
        }
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        self.externalLinks = externalLinks.sorted { $0.location < $1.location }.map {
            Link(url: $0.url, path: $0.location.path, line: $0.location.line, column: $0.location.column)
        }
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
