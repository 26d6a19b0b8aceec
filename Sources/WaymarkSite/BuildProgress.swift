import Foundation

/// What a build reports while it runs, for a progress display: phases with their durations, and
/// pages rendered so far.
public enum BuildEvent: Sendable {
    /// A phase finished; `seconds` of wall time.
    case phase(name: String, seconds: Double)
    /// `done` of `total` pages of `site` made so far (rendered or kept, redirect pages
    /// included), `seconds` after the site's pages began.
    case rendered(site: String, done: Int, total: Int, seconds: Double)
    /// Something worth a line with `--verbose` (how the build cache was used).
    case note(String)
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

/// Counts one site's finished pages from many threads and reports each finished unit.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let site: String
    private let total: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private let report: (@Sendable (BuildEvent) -> Void)?

    init(site: String, total: Int, report: (@Sendable (BuildEvent) -> Void)?) {
        self.site = site
        self.total = total
        self.report = report
    }

    /// A unit of `pages` pages is done.
    func tick(pages: Int) {
        guard let report else { return }
        // Reported under the lock, so the display never sees the count go back.
        lock.lock()
        defer { lock.unlock() }
        done += pages
        report(.rendered(site: site, done: done, total: total, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
}
