import Foundation
import WaymarkNative

/// The regular files in the output folder before a build writes anything, with their stamps.
///
/// One walk serves both uses a rebuild has for the old output: the build cache verifies a kept
/// file by its stamp here instead of a `stat` of its full path, and the writer finds the files a
/// build no longer produces here instead of walking the folders again. Each entry is stamped
/// with `fstatat` relative to an open folder, which skips most of the path lookup that made 80,000
/// `stat` calls a sixth of a rebuild's CPU; a folder whose recorded listing still holds
/// (`FolderListing`) is not listed again.
struct OutputInventory: Sendable {
    /// Stamps by path relative to the output folder.
    private(set) var stamps: [String: FileStamp] = [:]
    /// What each folder holds, for the next walk (by path relative to the output folder, "" for
    /// itself): the folders listed now that had settled, and the recorded listings that held.
    private(set) var listings: [String: FolderListing] = [:]
    /// How many folders were listed (the others were known from their recorded listing).
    private(set) var foldersListed = 0
    /// Whether `listings` differs from the recorded listings the walk started from.
    private(set) var listingsChanged = false
    /// How many recorded listings the walk started from.
    private var recordedCount = 0

    /// Whether saving `listings` pays for itself: they changed, and more than a few folders were
    /// listed now. Saving writes every folder's listing (60,000 of them, 2.8 MB, for a 20,000-page
    /// site): after a one-page edit that took longer than listing the one changed folder again on
    /// every later walk would. A listing left unsaved only makes the next walk list its folder.
    var listingsWorthSaving: Bool {
        listingsChanged && (recordedCount == 0 || foldersListed * 50 >= recordedCount)
    }

    init() {}

    /// Walks `root`, leaving out the folders named in `skipping` at its top (a missing folder is
    /// an empty inventory). A folder with a listing in `recorded` whose stamp still holds is not
    /// listed; a folder listed now is recorded in `listings` only if it changed before
    /// `settledBefore` (ns since 1970; nil records none), as `FileStamp.changed(before:)` explains.
    init(of root: String, skipping: Set<String> = [], recorded: [String: FolderListing] = [:], settledBefore: Int64? = nil) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var walk = Walk(recorded: recorded, settledBefore: settledBefore)
        recordedCount = recorded.count
        stamps.reserveCapacity(recorded.values.reduce(0) { $0 + $1.files.count })
        listings.reserveCapacity(recorded.count)
        self.walk(descriptor, "", prefix: "", skipping: skipping, &walk)
        // Each listing is a recorded one that still held or a new one (which differs from any
        // recorded for the folder, or it would not have been listed): counting tells.
        listingsChanged = listingsChanged || listings.count != recorded.count
    }

    subscript(path: String) -> FileStamp? { stamps[path] }

    /// How many files are below each of `folders` (relative to the output folder): one pass over
    /// the inventory that makes no strings.
    func fileCounts(under folders: [String]) -> [String: Int] {
        var counts = [Int](repeating: 0, count: folders.count)
        forEachFile(under: folders) { index, _, _ in counts[index] += 1 }
        return Dictionary(uniqueKeysWithValues: zip(folders, counts))
    }

    /// The files below each of `folders` (relative to the output folder), as paths relative to
    /// that folder.
    func files(under folders: [String]) -> [String: [String]] {
        var found = [[String]](repeating: [], count: folders.count)
        forEachFile(under: folders) { index, path, prefix in
            found[index].append(String(decoding: UnsafeBufferPointer(rebasing: path[prefix...]), as: UTF8.self))
        }
        return Dictionary(uniqueKeysWithValues: zip(folders, found))
    }

    /// Calls `body` with the index of each of `folders` a file is below, the bytes of its path
    /// and the length of the folder's prefix: one pass over the inventory, comparing bytes.
    private func forEachFile(under folders: [String], _ body: (Int, UnsafeBufferPointer<UInt8>, Int) -> Void) {
        let prefixes = folders.map { Array(($0 + "/").utf8) }
        for var path in stamps.keys {
            path.withUTF8 { bytes in
                for (index, prefix) in prefixes.enumerated() where bytes.count > prefix.count && memcmp(bytes.baseAddress!, prefix, prefix.count) == 0 {
                    body(index, bytes, prefix.count)
                }
            }
        }
    }

    /// Adds the files of a folder known from its recorded listing, and walks its folders.
    private mutating func keep(_ listing: FolderListing, in base: Int32, _ path: String, prefix: String, skipping: Set<String>, _ walk: inout Walk) {
        func inside(_ name: String) -> String { path.isEmpty ? name : path + "/" + name }
        listings[prefix] = listing
        for name in listing.files where skipping.isEmpty || !skipping.contains(name) {
            if let stamp = FileStamp(inside(name), in: base) { stamps[prefix + name] = stamp }
        }
        for name in listing.folders where skipping.isEmpty || !skipping.contains(name) {
            self.walk(base, inside(name), prefix: prefix + name + "/", skipping: [], &walk)
        }
    }

    private struct Walk {
        var reader = FolderReader()
        let recorded: [String: FolderListing]
        let settledBefore: Int64?
    }

    /// Adds the files below the folder `path` (relative to the open folder `base`; "" for `base`
    /// itself), named `prefix` + name. The folder is stamped before it is listed, so a change
    /// made while it is listed shows in its stamp next time.
    private mutating func walk(_ base: Int32, _ path: String, prefix: String, skipping: Set<String>, _ walk: inout Walk) {
        var info = stat()
        let stamped = path.isEmpty ? fstat(base, &info) : fstatat(base, path, &info, AT_SYMLINK_NOFOLLOW)
        guard stamped == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        let stamp = FileStamp(info)
        if let listing = walk.recorded[prefix], listing.stamp == stamp {
            // A folder of many entries is opened, so that each entry is looked up in it rather
            // than along the whole path from `base` (if it is still the folder just stamped).
            if !path.isEmpty, listing.files.count + listing.folders.count > 2 {
                let opened = openat(base, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if opened >= 0 {
                    defer { close(opened) }
                    if fstat(opened, &info) == 0, FileStamp(info) == stamp {
                        return keep(listing, in: opened, "", prefix: prefix, skipping: skipping, &walk)
                    }
                }
            } else {
                return keep(listing, in: base, path, prefix: prefix, skipping: skipping, &walk)
            }
        }

        let folder = path.isEmpty ? base : openat(base, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard folder >= 0 else { return }
        defer { if folder != base { close(folder) } }
        guard let entries = walk.reader.entries(of: folder) else { return }
        foldersListed += 1
        var files: [String] = [], folders: [String] = []
        for entry in entries {
            // The entry's kind comes with the listing: only files (and unknown kinds) are stamped.
            var kind = entry.kind
            if kind == .file || kind == .unknown {
                guard fstatat(folder, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let mode = info.st_mode & S_IFMT
                kind = mode == S_IFREG ? .file : mode == S_IFDIR ? .folder : .other
            }
            let skipped = !skipping.isEmpty && skipping.contains(entry.name)
            if kind == .file {
                files.append(entry.name)
                if !skipped { stamps[prefix + entry.name] = FileStamp(info) }
            } else if kind == .folder {
                folders.append(entry.name)
                if !skipped { self.walk(folder, entry.name, prefix: prefix + entry.name + "/", skipping: [], &walk) }
            }
        }
        if let settledBefore = walk.settledBefore, stamp.changed(before: settledBefore) {
            listings[prefix] = FolderListing(stamp: stamp, files: files, folders: folders)
            listingsChanged = true
        }
    }
}
