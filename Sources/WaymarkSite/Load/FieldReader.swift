import Foundation
import WaymarkCore
import Yams

/// Reads typed fields out of one YAML mapping, reporting every problem at its file, line and column.
///
/// It remembers which keys were asked for; `finish()` then warns about every other key, with a
/// "did you mean" when a known key is close, so a typo never silently drops a field.
final class FieldReader {
    let path: String
    /// Where the mapping itself starts: the place to report a field that is missing.
    let location: SourceLocation
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    /// First value of each key: a ledger has thousands of keys, so no linear searches.
    private let values: [String: Node]
    private let lineOffset: Int
    private let sink: DiagnosticSink
    /// Keys asked for, in order (suggestions) and as a set (lookups).
    private var asked: [String] = []
    private var askedSet: Set<String> = []

    init(mapping: Node.Mapping, at location: SourceLocation, lineOffset: Int, path: String, sink: DiagnosticSink) {
        self.path = path
        self.location = location
        self.lineOffset = lineOffset
        self.sink = sink
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Parses a file's front matter; nil (with a diagnostic) when it is not a YAML mapping.
    static func frontMatter(of source: SourceText, sink: DiagnosticSink) -> FieldReader? {
        let offset = source.frontMatterLine - 1
        let node: Node?
        do {
            // The reader types every value itself, so Yams need not match each scalar against its
            // tag regexes (`.basic`); and the encoding is named, since Yams' default reads the
            // whole process environment on every parse.
            node = try Yams.compose(yaml: source.frontMatter, .basic, .default, .utf8)
        } catch let error as YamlError {
            sink.report(YAMLErrorTranslation.diagnostic(for: error, path: source.path, lineOffset: offset))
            return nil
        } catch {
            sink.error("invalid YAML: \(error)", at: SourceLocation(path: source.path, line: source.frontMatterLine))
            return nil
        }
        let start = SourceLocation(path: source.path, line: 1, column: 1)
        guard let node else {
            return FieldReader(mapping: Node.Mapping([]), at: start, lineOffset: offset, path: source.path, sink: sink)
        }
        guard case let .mapping(mapping) = node else {
            sink.error("front matter must be a list of 'key: value' lines", at: FieldReader.location(of: node, path: source.path, offset: offset))
            return nil
        }
        // Aliases share nodes, so a few lines can stand for billions of values ("billion laughs"):
        // count what a reader would walk, and stop early.
        // A value takes at least a byte to write, so more values than bytes means aliases repeat
        // content; the floor keeps small files' limit generous.
        let limit = max(valueLimit, source.frontMatter.utf8.count)
        var budget = limit
        guard fitsBudget(node, &budget) else {
            sink.error("YAML expands to more than \(limit) values; aliases (*name) cannot be used to repeat content", at: SourceLocation(path: source.path, line: source.frontMatterLine))
            return nil
        }
        return FieldReader(mapping: mapping, at: start, lineOffset: offset, path: source.path, sink: sink)
    }

    /// Most values a front matter may hold once aliases are expanded; real files have dozens.
    static let valueLimit = 10_000

    private static func fitsBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping where !fitsBudget(key, &budget) || !fitsBudget(value, &budget) { return false }
        case let .sequence(sequence):
            for item in sequence where !fitsBudget(item, &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }

    // MARK: Scalars

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard case let .scalar(scalar) = node else {
            return mismatch(key, expected: "text", node: node)
        }
        return scalar.string
    }

    /// A string with its location, for values that later checks refer back to (tokens, slugs).
    func located(_ key: String, required: Bool = false) -> (value: String, location: SourceLocation)? {
        guard let text = string(key, required: required), let node = rawValue(key) else { return nil }
        return (text, locationOf(node))
    }

    func double(_ key: String, required: Bool = false, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = value(key, required: required) else { return nil }
        guard case let .scalar(scalar) = node, let number = Double(scalar.string), number.isFinite else {
            return mismatch(key, expected: "a number", node: node)
        }
        if let range, !range.contains(number) {
            sink.error("'\(key)' must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound)), found \(scalar.string)", at: locationOf(node))
            return nil
        }
        return number
    }

    func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key, required: required) else { return nil }
        guard case let .scalar(scalar) = node, let number = Int(scalar.string) else {
            return mismatch(key, expected: "a whole number", node: node)
        }
        if let range, !range.contains(number) {
            sink.error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(number)", at: locationOf(node))
            return nil
        }
        return number
    }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let node = value(key, required: false) else { return fallback }
        guard case let .scalar(scalar) = node, let value = Bool(scalar.string.lowercased()) else {
            return mismatch(key, expected: "true or false", node: node) ?? fallback
        }
        return value
    }

    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let node = value(key, required: required) else { return nil }
        guard case let .scalar(scalar) = node, let date = CalendarDate(scalar.string) else {
            return mismatch(key, expected: "a date written YYYY-MM-DD", node: node)
        }
        return date
    }

    /// A string that must be one of `choices`, e.g. a difficulty.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, as type: Choice.Type = Choice.self) -> Choice? where Choice.RawValue == String {
        guard let text = string(key, required: required), let node = rawValue(key) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        sink.error("'\(key)' must be one of \(names.joined(separator: ", ")), found '\(text)'", at: locationOf(node))
        return nil
    }

    // MARK: Collections

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ key: String) -> [String] {
        guard let node = value(key, required: false) else { return [] }
        switch node {
        case let .scalar(scalar):
            return scalar.string.isEmpty ? [] : [scalar.string]
        case let .sequence(sequence):
            return sequence.compactMap { item in
                guard case let .scalar(scalar) = item else {
                    sink.error("'\(key)' must be a list of text items", at: locationOf(item))
                    return nil
                }
                return scalar.string
            }
        default:
            return mismatch(key, expected: "a list", node: node) ?? []
        }
    }

    func mapping(_ key: String, required: Bool = false) -> FieldReader? {
        guard let node = value(key, required: required) else { return nil }
        guard case let .mapping(mapping) = node else { return mismatch(key, expected: "a set of 'key: value' lines", node: node) }
        return FieldReader(mapping: mapping, at: locationOf(node), lineOffset: lineOffset, path: path, sink: sink)
    }

    func mappings(_ key: String) -> [FieldReader] {
        guard let node = value(key, required: false) else { return [] }
        guard case let .sequence(sequence) = node else { return mismatch(key, expected: "a list", node: node) ?? [] }
        return sequence.compactMap { item in
            guard case let .mapping(mapping) = item else {
                sink.error("each item of '\(key)' must be a set of 'key: value' lines", at: locationOf(item))
                return nil
            }
            return FieldReader(mapping: mapping, at: locationOf(item), lineOffset: lineOffset, path: path, sink: sink)
        }
    }

    /// Every key of the mapping, in file order (for mappings keyed by data, like the token ledger).
    var keys: [String] { pairs.map(\.key) }

    /// Whether the key is present at all (asking counts as knowing it).
    func has(_ key: String) -> Bool { rawValue(key) != nil }

    /// Warns about every key nobody asked for, suggesting the closest known key.
    func finish() {
        for pair in pairs where !askedSet.contains(pair.key) {
            let suggestion = Suggestion.closest(to: pair.key, among: asked).map { "; did you mean '\($0)'?" } ?? ""
            sink.warning("unknown key '\(pair.key)'\(suggestion)", at: locationOf(pair.keyNode))
        }
    }

    func report(_ diagnostic: Diagnostic) { sink.report(diagnostic) }

    func error(_ message: String, at key: String) {
        sink.error(message, at: rawValue(key).map(locationOf) ?? location)
    }

    func locationOf(_ node: Node) -> SourceLocation { Self.location(of: node, path: path, offset: lineOffset) }
}

private extension FieldReader {
    func rawValue(_ key: String) -> Node? {
        if askedSet.insert(key).inserted { asked.append(key) }
        return values[key]
    }

    /// The value of `key`; null and missing are the same, and missing-but-required is reported.
    func value(_ key: String, required: Bool) -> Node? {
        let node = rawValue(key)
        if let node, case let .alias(alias) = node {
            sink.error("YAML aliases are not allowed in front matter", at: alias.mark.map { Self.location(from: $0, path: path, offset: lineOffset) } ?? location)
            return nil
        }
        if let node, case let .scalar(scalar) = node,
           scalar.string.isEmpty || (scalar.style == .plain && Self.nulls.contains(scalar.string)) {
            if required { sink.error("'\(key)' must not be empty", at: locationOf(node)) }
            return nil
        }
        if node == nil, required {
            sink.error("missing required field '\(key)'", at: location)
        }
        return node
    }

    /// YAML's plain null spellings (a set made once, not an array per field read).
    static let nulls: Set<String> = ["~", "null", "Null", "NULL"]

    func mismatch<T>(_ key: String, expected: String, node: Node) -> T? {
        sink.error("'\(key)' must be \(expected), found \(Self.describe(node))", at: locationOf(node))
        return nil
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "'\(scalar.string)'"
        case .mapping: return "a set of 'key: value' lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func location(of node: Node, path: String, offset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: offset + 1) }
        return location(from: mark, path: path, offset: offset)
    }

    static func location(from mark: Mark, path: String, offset: Int) -> SourceLocation {
        SourceLocation(path: path, line: mark.line + offset, column: mark.column)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
