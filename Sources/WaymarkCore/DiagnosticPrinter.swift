/// Renders diagnostics for a person: the compiler line, the offending source line and a caret.
public struct DiagnosticPrinter: Sendable {
    /// Reads a file's text so the printer can quote the offending line; nil when unreadable.
    public var readSource: @Sendable (String) -> String?
    /// ANSI colour, for terminals that want it (off under `NO_COLOR` or when piped).
    public var colour: Bool

    public init(colour: Bool = false, readSource: @escaping @Sendable (String) -> String?) {
        self.colour = colour
        self.readSource = readSource
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let label = diagnostic.severity.rawValue
        let painted = colour ? paint(label, diagnostic.severity == .error ? "31" : "33") : label
        var text = "\(diagnostic.location): \(painted): \(diagnostic.message)"
        if let source = readSource(diagnostic.location.path), let line = Self.line(diagnostic.location.line, of: source) {
            let caretIndent = String(repeating: " ", count: max(0, diagnostic.location.column - 1))
            text += "\n    \(line)\n    \(caretIndent)" + (colour ? paint("^", "32") : "^")
        }
        return text
    }

    /// All diagnostics, errors numbered, ending with a summary line such as `2 errors, 1 warning`.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        var lines = diagnostics.sorted { $0.location < $1.location }.map(format)
        lines.append(Self.summary(diagnostics))
        return lines.joined(separator: "\n")
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
}

private extension DiagnosticPrinter {
    func paint(_ text: String, _ code: String) -> String { "\u{1B}[1;\(code)m\(text)\u{1B}[0m" }

    static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.trimmingSuffix("\r")) }
            current += 1
        }
        return nil
    }
}

private extension Substring {
    func trimmingSuffix(_ suffix: Character) -> Substring { last == suffix ? dropLast() : self }
}
