import WaymarkCore
import Yams

/// Turns a Yams error into a diagnostic located in the content file rather than in the YAML part.
enum YAMLErrorTranslation {
    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return .error("invalid YAML: \(problem)\(detail)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key '\(duplicates.joined(separator: "', '"))' in front matter", at: at(context.mark))
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: lineOffset + 1))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }
}
