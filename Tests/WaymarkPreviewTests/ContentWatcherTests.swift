import Foundation
import NIOConcurrencyHelpers
import Testing
import WaymarkTestSupport
@testable import WaymarkPreview

/// Both watchers report a saved file, a new file in a new folder and a deleted file.
@Suite(.serialized) struct ContentWatcherTests {
    final class Changes: Sendable {
        private let seen = NIOLockedValueBox<Set<String>>([])

        func add(_ paths: [String]) { seen.withLockedValue { $0.formUnion(paths) } }

        /// Waits (at most `timeout` seconds) until `path` was reported.
        func wait(for path: String, timeout: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if seen.withLockedValue({ $0.contains(path) }) { return true }
                usleep(20_000)
            }
            return false
        }

        var all: Set<String> { seen.withLockedValue { $0 } }
    }

    func project() throws -> String {
        let root = try WaymarkBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/content/acme/pages", withIntermediateDirectories: true)
        try "id: acme\n".write(toFile: root + "/content/acme/site.yml", atomically: false, encoding: .utf8)
        try "---\ntitle: A\n---\n".write(toFile: root + "/content/acme/pages/a.md", atomically: false, encoding: .utf8)
        return root
    }

    func exercise(_ watcher: any ContentWatcher, root: String) throws {
        let changes = Changes()
        watcher.start { changes.add($0) }
        defer { watcher.stop() }
        try "---\ntitle: B\n---\n".write(toFile: root + "/content/acme/pages/a.md", atomically: false, encoding: .utf8)
        #expect(changes.wait(for: "content/acme/pages/a.md"), "\(watcher.method): edit not seen: \(changes.all)")
        try FileManager.default.createDirectory(atPath: root + "/content/acme/trails/river", withIntermediateDirectories: true)
        // inotify adds the new folders' watches when it sees them: give it that moment, as an editor would.
        usleep(200_000)
        try "---\ntitle: River\n---\n".write(toFile: root + "/content/acme/trails/river/index.md", atomically: true, encoding: .utf8)
        #expect(changes.wait(for: "content/acme/trails/river/index.md"), "\(watcher.method): new file not seen: \(changes.all)")
        try FileManager.default.removeItem(atPath: root + "/content/acme/site.yml")
        #expect(changes.wait(for: "content/acme/site.yml"), "\(watcher.method): deletion not seen: \(changes.all)")
        try "x".write(toFile: root + "/content/acme/pages/.a.md.swp", atomically: false, encoding: .utf8)
        usleep(700_000)
        #expect(!changes.all.contains("content/acme/pages/.a.md.swp"), "editor swap files are not changes")
    }

    #if canImport(Glibc)
    @Test func inotifyReportsChanges() throws {
        let root = try project()
        let watcher = try #require(InotifyWatcher(root: root))
        try exercise(watcher, root: root)
    }
    #endif

    @Test func pollingReportsChanges() throws {
        let root = try project()
        try exercise(PollingWatcher(root: root, interval: 0.1), root: root)
    }
}
