import Foundation

/// What a file looked like when the cache last saw it: size, modification and change times (ns)
/// and inode. Any write, rename onto it or `touch` changes at least one of them, which is what lets
/// a build trust a recorded file without reading it.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modified: Int64
    /// The inode change time cannot be set by tools such as `touch -d`, so a file edited and then
    /// given back its old mtime is still caught.
    var changed: Int64
    var inode: UInt64

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        (self.size, self.modified, self.changed, self.inode) = (size, modified, changed, inode)
    }

    /// The stamp of the regular file at `path` (symbolic links not followed), or nil.
    init?(path: String) { self.init(path, in: AT_FDCWD) }

    /// The stamp of the regular file `path` relative to the open folder `folder` (symbolic
    /// links not followed), or nil.
    init?(_ path: String, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    /// The stamp in a `stat` result.
    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// The stamp as text, for fingerprints that stand a file's stamp in for its bytes.
    var text: String { "\(size) \(modified) \(changed) \(inode)" }

    /// Whether the file last changed before `instant` (ns since 1970). File times tick coarsely
    /// (a few ms), so a file written again within the same tick, at the same size, would keep its
    /// stamp; like Git's "racily clean" entries, a file changed just before it was stamped is not
    /// trusted by its stamp next time.
    func changed(before instant: Int64) -> Bool { changed < instant && modified < instant }

    /// Now, in ns since 1970.
    static var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
