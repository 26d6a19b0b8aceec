import Foundation

/// Folder trees written into their staging folders while the build goes on, for
/// `OutputWriter.replace` to move into place with the rest.
///
/// A site's QR codes are made before its pages: when their folder is new (a first build, a clean
/// output), its tens of thousands of files are written on a thread of their own while the pages
/// render, instead of after them. Written last, that one folder was a single thread's work at the
/// end of the write, with the other core idle. The site's pages are started the same way once
/// rendered, and written while their links are checked and the manifest is encoded, which ran on
/// one core. Nothing becomes visible early: a tree waits in the same hidden staging folder the
/// writer would use (`OutputWriter.freshFolderJob`), and a build that fails removes it.
final class PrestagedTrees: @unchecked Sendable {
    /// A tree being written: where it is staged, and the stamps of its files once written.
    struct Staging {
        let folder: String
        let files: Int
        let written: BackgroundValue<Result<[(String, FileStamp)], Error>>
    }

    private let writer: OutputWriter
    /// Whether the output folder was there before the build: if not, `discard` removes it when
    /// it made it and left it empty.
    private let rootExisted: Bool
    private let lock = NSLock()
    private var trees: [String: Staging] = [:]

    /// Trees to go below `root`, the output folder; made before the build writes anything.
    init(root: String) {
        writer = OutputWriter(root: root)
        rootExisted = OutputWriter.exists(root)
    }

    /// Starts writing `tree`, bound for `path` below the output folder, when the writer would
    /// build it aside whole (a new folder, nothing kept); otherwise the writer compares it file
    /// by file later, as usual.
    func start(_ path: String, tree: OutputTree) {
        guard let job = try? writer.freshFolderJob(path, tree: tree) else { return }
        let staging = Staging(folder: job.folder, files: tree.files.count, written: BackgroundValue { Result { try FreshFolderWriter.write([job]) } })
        lock.withLock { trees[path] = staging }
    }

    /// The tree started for `path`, handed over to the writer (which then owns its staging folder).
    func take(_ path: String) -> Staging? {
        lock.withLock { trees.removeValue(forKey: path) }
    }

    /// Waits for every tree not handed over and removes its staging folder: the build failed, or
    /// did not write that tree.
    func discard() {
        let left = lock.withLock { () -> [Staging] in
            defer { trees = [:] }
            return Array(trees.values)
        }
        for staging in left {
            _ = staging.written.value
            writer.unstage(staging.folder)
        }
        if !rootExisted, !left.isEmpty { rmdir(writer.root) }
    }
}
