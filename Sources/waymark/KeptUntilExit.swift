import Foundation

/// Values the command never frees. The process ends right after its work and the system takes
/// its memory back at once, whereas releasing a build's result (every rendered file, every cache
/// record) object by object took a tenth of a rebuild, on one core, after the work was done.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []
    private static let lock = NSLock()

    @Sendable static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }
}
