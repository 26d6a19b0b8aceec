import Foundation
import WaymarkReport

/// What `waymark report` prints: warnings on stderr like a compiler, a summary on stdout.
enum ReportSummary {
    /// Enough warnings to find the problem without burying the terminal.
    static let warningLimit = 20

    static func printWarnings(_ warnings: [String]) {
        guard !warnings.isEmpty else { return }
        var text = warnings.prefix(warningLimit).joined(separator: "\n") + "\n"
        if warnings.count > warningLimit { text += "… and \(warnings.count - warningLimit) more warnings\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func text(_ run: RollupRun, _ output: Report.Output, out: String) -> String {
        """
        read \(run.filesRead) of \(run.filesSeen) log files: \(run.bytesRead) bytes, \(run.linesRead) lines
        new: \(run.newScans) scans, \(run.newBots) bot hits; skipped: \(run.duplicates) duplicates, \(run.malformedLines) malformed, \(run.truncatedLines) truncated
        \(run.daysUpdated) site days updated; \(output.reports.count) site reports, \(output.written.count) files written to \(out)
        """
    }

    static func json(_ run: RollupRun, _ output: Report.Output) -> String {
        struct Summary: Encodable {
            var run: RollupRun
            var sites: [String]
            var written: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Summary(run: run, sites: output.reports.map(\.site), written: output.written))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
