import Foundation
import WaymarkSite

/// Shows a build's progress on stderr: a bar on a terminal (redrawn in place), phase timings with
/// `--verbose`, nothing when piped or `--quiet`.
final class BuildProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let bar: Bool
    private let verbose: Bool
    private var lastDraw = Date.distantPast
    /// Set by `finish()`: events after it are dropped.
    private var finished = false

    init(quiet: Bool, verbose: Bool) {
        bar = !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        self.verbose = verbose && !quiet
    }

    /// Nil when there is nothing to show, so the build skips the bookkeeping.
    var handler: (@Sendable (BuildEvent) -> Void)? {
        guard bar || verbose else { return nil }
        return { [self] event in handle(event) }
    }

    /// The build is over (done or failed): clears the bar's line and ignores whatever is still
    /// reported, such as the QR codes a failed build started and leaves to finish unused.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if bar { write(Self.clearLine) }
    }

    private func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        switch event {
        case let .phase(name, seconds):
            if bar { write(Self.clearLine) }
            if verbose { write(String(format: "%-20@ %8.3f s\n", name as NSString, seconds)) }
        case let .note(text):
            if verbose { write(text + "\n") }
        case let .progress(progress):
            guard bar else { return }
            let now = Date()
            guard progress.isComplete || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            // Each draw clears the line first: the one before may have been longer.
            write(Self.clearLine + Self.line(for: progress))
        }
    }

    /// `[#########.....] acme: 1200/1900 pages, 5400 pages/s`; while the total is not known (content
    /// files being found), `acme: 1200 content files, 9800 files/s`.
    static func line(for progress: BuildProgress) -> String {
        let (noun, rateUnit) = switch progress.work {
        case .contentFiles: ("content files", "files/s")
        case .qrCodes: ("QR codes", "codes/s")
        case .pages: ("pages", "pages/s")
        }
        let rate = Int(Double(progress.done) / max(0.001, progress.seconds))
        guard let total = progress.total else { return "\(progress.site): \(progress.done) \(noun), \(rate) \(rateUnit)" }
        let width = 30
        let filled = total == 0 ? width : width * min(progress.done, total) / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "[\(bar)] \(progress.site): \(progress.done)/\(total) \(noun), \(rate) \(rateUnit)"
    }

    /// Back to the start of the line, and erase it.
    private static let clearLine = "\r\u{1B}[2K"

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
