import Foundation

/// Turns a burst of file changes into one build at a time: waits `debounce` seconds for the burst
/// to end, then builds with every path seen; changes during a build start the next one after it.
final class Rebuilder: @unchecked Sendable {
    private let queue = DispatchQueue(label: "waymark.preview.rebuild")
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var scheduled = false
    private let debounce: Double
    private let build: @Sendable ([String]) -> Void

    init(debounce: Double, build: @escaping @Sendable ([String]) -> Void) {
        self.debounce = debounce
        self.build = build
    }

    func changed(_ paths: [String]) {
        lock.lock()
        defer { lock.unlock() }
        pending.formUnion(paths)
        guard !scheduled else { return }
        scheduled = true
        queue.asyncAfter(deadline: .now() + debounce) { [self] in run() }
    }

    /// Runs `work` on the build queue, after any build under way (the first build uses it too).
    func sync<T>(_ work: () throws -> T) rethrows -> T { try queue.sync(execute: work) }

    private func run() {
        lock.lock()
        let paths = pending.sorted()
        pending.removeAll()
        scheduled = false
        lock.unlock()
        build(paths)
    }
}
