#if canImport(Glibc)
import Foundation
import Glibc

/// Watches with Linux inotify: one watch per folder (inotify is not recursive), added for new
/// folders as they appear, so a save is noticed within milliseconds without scanning anything.
final class InotifyWatcher: ContentWatcher, @unchecked Sendable {
    let method = "inotify"
    private let root: String
    private let descriptor: Int32
    private let lock = NSLock()
    /// Watch descriptor → folder relative to the root ("" for the root itself).
    private var folders: [Int32: String] = [:]
    private var stopped = false

    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY
        | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
    /// The root itself only matters when content/ or templates/ appear or go.
    private static let rootEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

    /// Nil when inotify is unavailable or out of watches (`fs.inotify.max_user_watches`): poll then.
    init?(root: String) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.root = root
        self.descriptor = descriptor
        guard inotify_add_watch(descriptor, root, Self.rootEvents) >= 0, WatchedFiles.folders.allSatisfy(watchTree) else {
            close(descriptor)
            return nil
        }
    }

    func start(_ onChange: @escaping @Sendable ([String]) -> Void) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !isStopped {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 200) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                let changed = changes(in: buffer[..<count])
                if !changed.isEmpty, !isStopped { onChange(changed) }
            }
            close(descriptor)
        }
        thread.name = "waymark.preview.inotify"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}

private extension InotifyWatcher {
    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Adds a watch on `folder` and every folder below it; false if the kernel refused one.
    func watchTree(_ folder: String) -> Bool {
        let absolute = "\(root)/\(folder)"
        guard FileManager.default.fileExists(atPath: absolute) else { return true }
        let descriptorOfWatch = inotify_add_watch(descriptor, absolute, Self.folderEvents)
        guard descriptorOfWatch >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        lock.lock()
        folders[descriptorOfWatch] = folder
        lock.unlock()
        let children = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
        for child in children {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(absolute)/\(child)", isDirectory: &isDirectory), isDirectory.boolValue,
               !watchTree("\(folder)/\(child)") { return false }
        }
        return true
    }

    /// The paths named by a batch of events (each a 16-byte header and a NUL-padded name).
    func changes(in bytes: ArraySlice<UInt8>) -> [String] {
        var changed: Set<String> = []
        var offset = bytes.startIndex
        while offset + 16 <= bytes.endIndex {
            let (watch, mask, length) = bytes.withUnsafeBytes { raw in
                let base = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: base, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + 16)..<min(bytes.endIndex, offset + 16 + length)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: re-watch everything and rebuild without knowing what changed.
                WatchedFiles.folders.forEach { _ = watchTree($0) }
                changed.insert("content")
                continue
            }
            lock.lock()
            let folder = folders[watch]
            if mask & UInt32(IN_IGNORED) != 0 { folders.removeValue(forKey: watch) }
            lock.unlock()
            guard let folder else { continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if folder.isEmpty {
                // An event on the root: only content/ or templates/ appearing or going counts.
                guard WatchedFiles.folders.contains(name) else { continue }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = watchTree(name) }
                changed.insert(name)
                continue
            }
            if name.isEmpty {
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { changed.insert(folder) }
                continue
            }
            guard !WatchedFiles.isNoise(Substring(name)) else { continue }
            let path = "\(folder)/\(name)"
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = watchTree(path) }
            changed.insert(path)
        }
        return changed.sorted()
    }
}
#endif
