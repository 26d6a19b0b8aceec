import Foundation

/// What a build reports while it runs, for a progress display: phases with their durations, and
/// how far each site's content files, QR codes and pages have got.
public enum BuildEvent: Sendable {
    /// A phase finished; `seconds` of wall time.
    case phase(name: String, seconds: Double)
    /// Some of one site's work is done.
    case progress(BuildProgress)
    /// Something worth a line with `--verbose` (how the build cache was used).
    case note(String)
}

/// How much of one kind of a site's work is done.
public struct BuildProgress: Sendable, Equatable {
    /// The work a build counts as it goes, in the order it does it.
    public enum Work: Sendable, Equatable {
        /// Markdown files loaded (parsed, or found unchanged by the build cache).
        case contentFiles
        /// Tokens whose QR codes (SVG and PNG) are made or kept.
        case qrCodes
        /// Pages made or kept, redirect pages included.
        case pages
    }

    public var work: Work
    public var site: String
    public var done: Int
    /// Nil while it is not known: content files are counted as the folders holding them are read.
    public var total: Int?
    /// Since this work began for the site.
    public var seconds: Double

    /// All of it is done.
    public var isComplete: Bool { done == total }
}

/// Times phases of a build and forwards events; does nothing when nobody listens.
struct BuildClock {
    let report: (@Sendable (BuildEvent) -> Void)?

    func phase<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        guard let report else { return try work() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        report(.phase(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}

/// Counts one kind of one site's work from many threads and reports each step.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let work: BuildProgress.Work
    private let site: String
    private var total: Int?
    private let start = DispatchTime.now().uptimeNanoseconds
    private let report: (@Sendable (BuildEvent) -> Void)?

    /// `total` nil: not known until `finish()`.
    init(_ work: BuildProgress.Work, site: String, total: Int?, report: (@Sendable (BuildEvent) -> Void)?) {
        self.work = work
        self.site = site
        self.total = total
        self.report = report
    }

    /// `count` more are done (not evaluated when nobody listens).
    func tick(_ count: @autoclosure () -> Int) {
        guard report != nil else { return }
        let count = count()
        guard count > 0 else { return }
        // Reported under the lock, so the display never sees the count go back.
        lock.lock()
        defer { lock.unlock() }
        done += count
        send()
    }

    /// Everything there was to count is counted: what was done is the total.
    func finish() {
        guard report != nil else { return }
        lock.lock()
        defer { lock.unlock() }
        guard total != done else { return }
        total = done
        send()
    }

    private func send() {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        report?(.progress(BuildProgress(work: work, site: site, done: done, total: total, seconds: seconds)))
    }
}
