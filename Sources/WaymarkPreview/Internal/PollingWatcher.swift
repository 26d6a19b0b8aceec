import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches by comparing every file's size and modification time every `interval` seconds: works
/// on any file system, including mounts that never deliver inotify events.
final class PollingWatcher: ContentWatcher, @unchecked Sendable {
    /// What changes when a file is written or replaced. Nanosecond times from stat(2): Foundation's
    /// modification date rounds to the second, which misses a same-size edit within it.
    private struct Stamp: Equatable {
        var modified: timespec
        var changed: timespec
        var size: Int
        var inode: UInt

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            #if os(Linux)
            (modified, changed) = (info.st_mtim, info.st_ctim)
            #else
            (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #endif
            size = Int(info.st_size)
            inode = UInt(info.st_ino)
        }

        static func == (lhs: Stamp, rhs: Stamp) -> Bool {
            lhs.size == rhs.size && lhs.inode == rhs.inode && lhs.modified.tv_sec == rhs.modified.tv_sec
                && lhs.modified.tv_nsec == rhs.modified.tv_nsec && lhs.changed.tv_sec == rhs.changed.tv_sec
                && lhs.changed.tv_nsec == rhs.changed.tv_nsec
        }
    }

    let method = "polling"
    private let root: String
    private let interval: Double
    private let lock = NSLock()
    private var stopped = false

    init(root: String, interval: Double) {
        self.root = root
        self.interval = max(0.05, interval)
    }

    func start(_ onChange: @escaping @Sendable ([String]) -> Void) {
        // Taken now, not on the thread: a change made right after start() returns still counts.
        let initial = scan()
        let thread = Thread { [self] in
            var previous = initial
            while !isStopped {
                Thread.sleep(forTimeInterval: interval)
                let current = scan()
                let paths = Set(previous.keys).union(current.keys).filter { previous[$0] != current[$0] }
                previous = current
                let changed = paths.filter { !WatchedFiles.isNoise(path: $0) }.sorted()
                if !changed.isEmpty, !isStopped { onChange(changed) }
            }
        }
        thread.name = "waymark.preview.poll"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        for folder in WatchedFiles.folders {
            guard let enumerator = manager.enumerator(atPath: "\(root)/\(folder)") else { continue }
            while let name = enumerator.nextObject() as? String {
                let path = "\(folder)/\(name)"
                if let stamp = Stamp(path: "\(root)/\(path)") { stamps[path] = stamp }
            }
        }
        return stamps
    }
}
