import WaymarkCore

/// Collects every problem found while loading, so a run reports all of them at once.
final class DiagnosticSink: @unchecked Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    func error(_ message: String, at location: SourceLocation) { report(.error(message, at: location)) }
    func warning(_ message: String, at location: SourceLocation) { report(.warning(message, at: location)) }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Runs `load` with a sink of its own, for work done on another core.
    static func capturing<Value>(_ load: (DiagnosticSink) -> Value) -> (value: Value, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let value = load(sink)
        return (value, sink.diagnostics)
    }

    /// Takes the diagnostics of parallel loads in input order and returns their values.
    func collect<Value>(_ results: [(value: Value, diagnostics: [Diagnostic])]) -> [Value] {
        results.map { result in
            diagnostics += result.diagnostics
            return result.value
        }
    }
}
