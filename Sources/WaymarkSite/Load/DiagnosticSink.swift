import WaymarkCore

/// Collects every problem found while loading, so a run reports all of them at once.
final class DiagnosticSink: @unchecked Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    func error(_ message: String, at location: SourceLocation) { report(.error(message, at: location)) }
    func warning(_ message: String, at location: SourceLocation) { report(.warning(message, at: location)) }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
