import Foundation
import WaymarkCore

/// A card template's output read back as blocks: `role: text` lines, `page:` between pages.
///
/// Values put into the template context are escaped with `CardText.escape` (backslash, newline
/// and `|`), so a value never breaks the one-line-per-block format; cells of `field`, `table` and
/// `row` are split at unescaped `|`. A line with nothing after its colon is left out, which is how
/// templates drop empty optional fields without a section around each.
struct CardText: Equatable, Sendable {
    /// One list of blocks per page (cards have one page).
    var pages: [[CardBlock]]

    /// Parses `rendered`, the output of the template at `template` (for diagnostics).
    static func parse(_ rendered: String, template: String) throws(DiagnosticsError) -> CardText {
        var pages: [[CardBlock]] = [[]]
        var problems: [Diagnostic] = []
        for (index, rawLine) in rendered.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(.error("line \(index + 1) of the rendered card is not 'role: text': '\(line)'", at: SourceLocation(path: template)))
                continue
            }
            let role = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if role == "page" {
                if !pages[pages.count - 1].isEmpty { pages.append([]) }
                continue
            }
            let cells = split(value)
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            let text = unescape(value)
            let block: CardBlock
            switch role {
            case "band": block = .band(text)
            case "title": block = .title(text)
            case "subtitle": block = .subtitle(text)
            case "heading": block = .heading(text)
            case "strong": block = .strong(text)
            case "text": block = .text(text)
            case "small": block = .small(text)
            case "table": block = .table(cells)
            case "row": block = .row(cells)
            case "code": block = .code(caption: text)
            case "field":
                // A field without a value is an optional detail the pet does not have.
                guard cells.count == 2, !cells[1].isEmpty else { continue }
                block = .field(label: cells[0], value: cells[1])
            default:
                let hint = Suggestion.closest(to: role, among: CardBlock.roles).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(.error("unknown card role '\(role)' on line \(index + 1) of the rendered card\(hint) (roles: \(CardBlock.roles.joined(separator: ", ")))", at: SourceLocation(path: template)))
                continue
            }
            pages[pages.count - 1].append(block)
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return CardText(pages: pages.filter { !$0.isEmpty })
    }

    /// Makes `value` safe to put on one template line.
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}

private extension CardText {
    /// Splits at unescaped `|` and unescapes each cell.
    static func split(_ value: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in value {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells.map { unescape($0.trimmingCharacters(in: .whitespaces)) }
    }

    static func unescape(_ value: String) -> String {
        var out = ""
        var escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
