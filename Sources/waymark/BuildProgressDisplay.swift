import Foundation
import WaymarkSite

/// Shows a build's progress on stderr: a bar on a terminal (redrawn in place), phase timings with
/// `--verbose`, nothing when piped or `--quiet`.
final class BuildProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let bar: Bool
    private let verbose: Bool
    private var lastDraw = Date.distantPast

    init(quiet: Bool, verbose: Bool) {
        bar = !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        self.verbose = verbose && !quiet
    }

    /// Nil when there is nothing to show, so the build skips the bookkeeping.
    var handler: (@Sendable (BuildEvent) -> Void)? {
        guard bar || verbose else { return nil }
        return { [self] event in handle(event) }
    }

    private func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .phase(name, seconds):
            if bar { write("\r\u{1B}[2K") }
            if verbose { write(String(format: "%-20@ %8.3f s\n", name as NSString, seconds)) }
        case let .note(text):
            if verbose { write(text + "\n") }
        case let .rendered(site, done, total, seconds):
            guard bar else { return }
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let rate = Int(Double(done) / max(0.001, seconds))
            write("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(site): \(done)/\(total) pages, \(rate) pages/s")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
