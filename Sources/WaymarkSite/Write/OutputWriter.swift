import Foundation
import WaymarkCore

/// Writes a build's files into the output folder, touching only what changed, so that a failed
/// write leaves the previous output as it was.
///
/// Two phases: every new or changed file is first written beside its target under a hidden
/// temporary name (`.<name>.waymark-new`); only when all of them are on disk are they renamed into
/// place (a rename replaces a file atomically), and then files the build no longer produces are
/// deleted. A write error in the first phase removes the temporary files and changes nothing.
/// Unchanged files are not rewritten, so their timestamps stay put and deploy tools that sync by
/// time or checksum upload only what changed.
public struct OutputWriter: Sendable {
    /// The output folder, e.g. `<project>/site`.
    public let root: String

    public init(root: String) { self.root = root }

    public enum Entry: Sendable {
        /// A folder whose whole content this build owns: files it does not produce are removed.
        case tree(OutputTree)
        case file([UInt8])
    }

    /// What a write did, for `--verbose` and tests.
    public struct Statistics: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Brings each entry (a folder or file path relative to `root`) to the given content.
    @discardableResult
    public func replace(_ entries: [String: Entry]) throws -> Statistics {
        try replace(entries, inventory: nil).statistics
    }

    /// What a write did, and the stamp of every file it wrote (relative to `root`).
    struct Outcome {
        var statistics = Statistics()
        var stamps: [String: FileStamp] = [:]
    }

    /// `replace(_:)`, finding the files already in the output in `inventory` (taken before the
    /// build) instead of walking the folders, and taking over the trees `prestaged` has started
    /// writing.
    func replace(_ entries: [String: Entry], inventory: OutputInventory?, prestaged: PrestagedTrees? = nil) throws -> Outcome {
        var outcome = Outcome()
        var staged: [(temporary: String, target: String)] = []
        /// Single files staged (relative to `root`), stamped once renamed into place.
        var stagedFiles: [String] = []
        var stale: [String] = []
        var freshTrees: [FreshFolderWriter.Job] = []
        let sorted = entries.sorted(by: { $0.key < $1.key })
        let folders = sorted.compactMap { path, entry -> String? in
            if case .tree = entry { return path } else { return nil }
        }
        var existing: [String: [String]] = [:]
        if let inventory {
            // A tree whose files in place are exactly as many as the inventory holds below its
            // folder leaves nothing stale there: only the others' files are listed and compared.
            let counts = inventory.fileCounts(under: folders)
            let unsettled = folders.filter { folder in
                guard case let .tree(tree) = entries[folder] else { return false }
                return counts[folder] != Self.filesInPlace(tree, in: folder, inventory: inventory)
            }
            if !unsettled.isEmpty { existing = inventory.files(under: unsettled) }
        } else {
            // Walking the existing folders is most of a rebuild's write: walk them all at once.
            let walked = Parallel.map(folders) { Array(OutputInventory(of: "\(root)/\($0)").stamps.keys) }
            existing = Dictionary(uniqueKeysWithValues: zip(folders, walked))
        }
        // A full build stamps every file it writes: the table grows once.
        outcome.stamps.reserveCapacity(sorted.reduce(0) { count, item in
            if case let .tree(tree) = item.1 { return count + tree.files.count }
            return count + 1
        })
        do {
            for (path, entry) in sorted {
                switch entry {
                case let .file(bytes):
                    try stage(bytes, at: path, into: &staged, files: &stagedFiles, statistics: &outcome.statistics)
                case let .tree(tree):
                    let folder = "\(root)/\(path)"
                    if let early = prestaged?.take(path) {
                        precondition(early.files == tree.files.count, "\(path) changed after it was staged")
                        staged.append((early.folder, folder))
                        for (path, stamp) in try early.written.value.get() { outcome.stamps[path] = stamp }
                        outcome.statistics.written += early.files
                        continue
                    }
                    if let job = try freshFolderJob(path, tree: tree) {
                        staged.append((job.folder, folder))
                        freshTrees.append(job)
                        outcome.statistics.written += tree.files.count
                        continue
                    }
                    try Self.checkNoFileIsAFolder(tree, in: folder)
                    for (relative, bytes) in tree.files.sorted(by: { $0.key < $1.key }) {
                        try stage(bytes, at: "\(path)/\(relative)", into: &staged, files: &stagedFiles, statistics: &outcome.statistics)
                    }
                    outcome.statistics.unchanged += tree.keptOnly
                    stale += (existing[path] ?? []).filter { !tree.contains($0) }.map { "\(folder)/\($0)" }
                }
            }
            // All new folders at once, so one folder's files are written beside another's.
            for (path, stamp) in try FreshFolderWriter.write(freshTrees) { outcome.stamps[path] = stamp }
        } catch {
            for file in staged { unstage(file.temporary) }
            throw error
        }
        for file in staged {
            guard rename(file.temporary, file.target) == 0 else {
                let failure = OutputError.system("cannot move \(file.target) into place", errno)
                for rest in staged { Self.remove(rest.temporary) }
                throw failure
            }
        }
        // A rename changes the moved file's change time: single files are stamped where they now are.
        for relative in stagedFiles {
            if let stamp = FileStamp(path: "\(root)/\(relative)") { outcome.stamps[relative] = stamp }
        }
        for file in stale where unlink(file) == 0 {
            outcome.statistics.removed += 1
            Self.removeEmptyFolders(above: file, stoppingAt: root)
        }
        return outcome
    }
}

private extension OutputWriter {
    /// How many of the files `tree` produces below `folder` the inventory holds: every kept one
    /// (a file is kept only once found in it), and the rendered ones found in it.
    static func filesInPlace(_ tree: OutputTree, in folder: String, inventory: OutputInventory) -> Int {
        assert(tree.kept.allSatisfy { inventory["\(folder)/\($0)"] != nil }, "a file kept in \(folder) is not in the inventory")
        return tree.kept.count + tree.files.keys.count { !tree.kept.contains($0) && inventory["\(folder)/\($0)"] != nil }
    }
}

/// A failed file operation, with the path and the system's reason. A `LocalizedError`, so that
/// `localizedDescription` (what the CLI prints for errors other than diagnostics) says the same.
public enum OutputError: LocalizedError, CustomStringConvertible {
    case system(String, Int32)
    case conflict(String)

    public var description: String {
        switch self {
        case let .system(what, code): return "\(what): \(String(cString: strerror(code)))"
        case let .conflict(path): return "\(path) would be both a file and a folder"
        }
    }

    public var errorDescription: String? { description }
}

extension OutputWriter {
    /// Writes all of `bytes` to the open file `descriptor` (`path` names it in the error).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard count > 0 else { throw OutputError.system("cannot write \(path)", errno) }
                offset += count
            }
        }
    }

    /// Writes a new file and returns its stamp, taken from the open file.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) throws -> FileStamp {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.system("cannot write \(path)", errno) }
        defer { close(descriptor) }
        do {
            try writeAll(bytes, to: descriptor, path: path)
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw OutputError.system("cannot stamp \(path)", errno) }
            return FileStamp(info)
        } catch {
            unlink(path)
            throw error
        }
    }
}

/// New folders staged whole, by `replace` and by `PrestagedTrees` alike.
extension OutputWriter {
    /// The job that writes `tree` into a hidden folder beside its target (`path` below the output
    /// folder), prepared, when the target does not exist and nothing in the tree is kept: with
    /// nothing to keep or compare, the folder is built aside and moved in at once. Nil otherwise.
    func freshFolderJob(_ path: String, tree: OutputTree) throws -> FreshFolderWriter.Job? {
        let target = "\(root)/\(path)"
        guard tree.kept.isEmpty, !Self.exists(target) else { return nil }
        let folder = Self.stagingPath(for: target)
        Self.remove(folder)
        do { try Self.makeFolders(folder) } catch {
            unstage(folder)
            throw error
        }
        return FreshFolderWriter.Job(tree: tree, folder: folder, path: path, target: target)
    }

    /// Removes a staged file or folder, and the folders made to stage it in unless something
    /// else is in them.
    func unstage(_ temporary: String) {
        Self.remove(temporary)
        Self.removeEmptyFolders(above: temporary, stoppingAt: root)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

private extension OutputWriter {
    /// Every folder below a tree's root that holds one of its files, at any depth.
    static func folders(of tree: OutputTree) -> Set<Substring> {
        var folders = Set<Substring>()
        for path in tree.files.keys {
            var rest = path[...]
            while let slash = rest.lastIndex(of: "/") {
                rest = rest[..<slash]
                guard folders.insert(rest).inserted else { break }
            }
        }
        return folders
    }

    /// Where a file or folder is staged before it is renamed into place: beside it, hidden.
    static func stagingPath(for target: String) -> String {
        PathText.join(PathText.parent(of: target), ".\(PathText.name(of: target)).waymark-new")
    }

    /// Removes a file or a whole folder; used only on this writer's own temporary paths.
    static func remove(_ path: String) {
        if unlink(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes `bytes` beside `relative` (a path below `root`) unless the file already holds them.
    func stage(_ bytes: [UInt8], at relative: String, into staged: inout [(temporary: String, target: String)], files: inout [String], statistics: inout Statistics) throws {
        let target = "\(root)/\(relative)"
        if Self.hasContent(bytes, at: target) {
            statistics.unchanged += 1
            return
        }
        let folder = PathText.parent(of: target)
        try Self.makeFolders(folder)
        let temporary = Self.stagingPath(for: target)
        try Self.write(bytes, to: temporary)
        staged.append((temporary, target))
        files.append(relative)
        statistics.written += 1
    }

    /// Whether the file at `path` already holds exactly `bytes` (size first, then content).
    static func hasContent(_ bytes: [UInt8], at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        let complete = existing.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        return complete && existing == bytes
    }

    /// Creates `folder` and any missing parents (like `mkdir -p`); a relative path stops at the
    /// working folder, which exists.
    static func makeFolders(_ folder: String) throws {
        if folder.isEmpty || folder == "." || folder == "/" { return }
        var info = stat()
        if stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        try makeFolders(PathText.parent(of: folder))
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw OutputError.system("cannot create folder \(folder)", errno) }
    }

    /// A tree may not hold both `a` and `a/b`; catching it here keeps the rename phase from failing.
    static func checkNoFileIsAFolder(_ tree: OutputTree, in folder: String) throws {
        let folders = Self.folders(of: tree)
        if let clash = folders.first(where: { tree.files[String($0)] != nil }) {
            throw OutputError.conflict("\(folder)/\(clash)")
        }
    }

    static func removeEmptyFolders(above file: String, stoppingAt root: String) {
        var folder = PathText.parent(of: file)
        while folder.count > root.count, rmdir(folder) == 0 {
            folder = PathText.parent(of: folder)
        }
    }
}
