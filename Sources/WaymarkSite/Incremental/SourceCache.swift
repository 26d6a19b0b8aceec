import Foundation
import WaymarkCore

/// Parsed front matter shared between builds: looked up by path while loading (from any core),
/// and what this load parsed or took over, for the next build.
final class SourceCache: @unchecked Sendable {
    private let previous: [String: SourceRecord]
    private let lock = NSLock()
    private var current: [String: SourceRecord] = [:]

    init(previous: [String: SourceRecord]) { self.previous = previous }

    /// Every file loaded by this build, for the next one.
    var records: [String: SourceRecord] {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// The item parsed from `source`: the recorded one when its front matter is the same text at
    /// the same line (its diagnostics are reported again), otherwise `parse`'s, recorded when it
    /// found no error.
    func item(for source: SourceText, sink: DiagnosticSink, parse: (DiagnosticSink) -> SourceRecord.Item?) -> SourceRecord.Item? {
        if let record = previous[source.path], record.frontMatter == source.frontMatter, record.frontMatterLine == source.frontMatterLine {
            for diagnostic in record.diagnostics { sink.report(diagnostic) }
            remember(source.path, record)
            return record.item
        }
        let (item, diagnostics) = DiagnosticSink.capturing(parse)
        for diagnostic in diagnostics { sink.report(diagnostic) }
        if let item, !diagnostics.contains(where: { $0.severity == .error }) {
            remember(source.path, SourceRecord(frontMatter: source.frontMatter, frontMatterLine: source.frontMatterLine, diagnostics: diagnostics, item: item))
        }
        return item
    }

    private func remember(_ path: String, _ record: SourceRecord) {
        lock.lock()
        current[path] = record
        lock.unlock()
    }
}
