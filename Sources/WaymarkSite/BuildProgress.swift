import Foundation

/// What a build reports while it runs, for a progress display: phases with their durations, and
/// pages rendered so far.
public enum BuildEvent: Sendable {
    /// A phase finished; `seconds` of wall time.
    case phase(name: String, seconds: Double)
    /// `done` of `total` units of pages rendered (a trail with its stops is one unit).
    case rendered(done: Int, total: Int)
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

/// Counts finished units from many threads and reports every step.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (BuildEvent) -> Void)?

    init(total: Int, report: (@Sendable (BuildEvent) -> Void)?) {
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report(.rendered(done: now, total: total))
    }
}
