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
/// writer would use, and a build that fails removes it.
final class PrestagedTrees: @unchecked Sendable {
    /// A tree being written: where it is staged, and the stamps of its files once written.
    struct Staging {
        let folder: String
        let files: Int
        let written: BackgroundValue<Result<[(String, FileStamp)], Error>>
    }

    private let root: String
    private let lock = NSLock()
    private var trees: [String: Staging] = [:]
    /// Whether `start` made the output folder itself, which `discard` then removes if empty.
    private var madeRoot = false

    /// Trees to go below `root`, the output folder.
    init(root: String) { self.root = root }

    /// Starts writing `tree`, bound for `path` below the output folder, when that folder does
    /// not exist yet and nothing in the tree is kept from a previous build; otherwise the writer
    /// compares it file by file later, as usual.
    func start(_ path: String, tree: OutputTree) {
        let target = "\(root)/\(path)"
        guard tree.kept.isEmpty, !OutputWriter.exists(target) else { return }
        let folder = OutputWriter.stagingPath(for: target)
        OutputWriter.remove(folder)
        let rootExisted = OutputWriter.exists(root)
        do { try OutputWriter.makeFolders(folder) } catch { return }
        lock.withLock { madeRoot = madeRoot || !rootExisted }
        let job = FreshFolderWriter.Job(tree: tree, folder: folder, path: path, target: target)
        let staging = Staging(folder: folder, files: tree.files.count, written: BackgroundValue { Result { try FreshFolderWriter.write([job]) } })
        lock.withLock { trees[path] = staging }
    }

    /// The tree started for `path`, handed over to the writer (which then owns its staging folder).
    func take(_ path: String) -> Staging? {
        lock.withLock { trees.removeValue(forKey: path) }
    }

    /// Waits for every tree not handed over and removes its staging folder: the build failed, or
    /// did not write that tree.
    func discard() {
        let (left, madeRoot) = lock.withLock { () -> ([Staging], Bool) in
            defer { trees = [:] }
            return (Array(trees.values), self.madeRoot)
        }
        for staging in left {
            _ = staging.written.value
            OutputWriter.remove(staging.folder)
            OutputWriter.removeEmptyFolders(above: staging.folder, stoppingAt: root)
        }
        if madeRoot, !left.isEmpty { rmdir(root) }
    }
}
