import Foundation
import WaymarkCore

/// The cache on disk: a short text header (magic, format version, the identity of the binary
/// that wrote it, a checksum of the payload) and a binary payload (`BuildCache+Encoding`). Anything that does not check out is
/// reported and ignored, so a damaged cache costs a full build, never wrong output.
struct BuildCacheFile: Sendable {
    /// Raised whenever the payload's meaning changes; older caches are then ignored.
    static let formatVersion = 2
    static let magic = "WAYMARK-BUILD-CACHE"

    /// `<folder>/build.cache`
    let path: String
    /// Who wrote the cache: a different binary may render differently, so its cache is not used.
    let identity: String

    init(folder: String, identity: String = BuildCacheFile.binaryIdentity) {
        path = folder + "/build.cache"
        self.identity = identity
    }

    func load() -> (cache: BuildCache?, status: CacheStatus) {
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, .missing) }
        var lines = data.split(separator: 0x0A, maxSplits: 4, omittingEmptySubsequences: false)
        guard lines.count == 5, String(decoding: lines[0], as: UTF8.self) == Self.magic else { return (nil, .corrupt("not a waymark cache")) }
        guard String(decoding: lines[1], as: UTF8.self) == "\(Self.formatVersion)",
              String(decoding: lines[2], as: UTF8.self) == identity else { return (nil, .otherVersion) }
        let payload = lines.removeLast()
        guard String(decoding: lines[3], as: UTF8.self) == FingerprintHash.hex(payload) else { return (nil, .corrupt("checksum mismatch")) }
        do {
            return (try BuildCache(decoding: Array(payload)), .used)
        } catch {
            return (nil, .corrupt("unreadable payload"))
        }
    }

    /// Writes the cache beside its place and renames it in, so a reader never sees half of it.
    func save(_ cache: BuildCache) throws {
        let payload = cache.encoded()
        var data = Data("\(Self.magic)\n\(Self.formatVersion)\n\(identity)\n\(FingerprintHash.hex(payload))\n".utf8)
        data.append(contentsOf: payload)
        let folder = PathText.parent(of: path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Removes the cache (before a build that could leave it describing files it did not write).
    func remove() { unlink(path) }

    /// The running executable's size and modification time: a rebuilt binary starts afresh.
    static let binaryIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-binary" }
        return "exe-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
