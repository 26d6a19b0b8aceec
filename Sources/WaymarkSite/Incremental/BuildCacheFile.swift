import Foundation
import WaymarkCore

/// The cache on disk: a short text header (magic, format version, the identity of the binary
/// that wrote it, a checksum of the payload) and a binary payload (`BuildCache+Encoding`),
/// followed in `build.journal` by the changes of the builds since (`CacheDelta`), each with its
/// own checksum. Anything that does not check out is reported and ignored, so a damaged cache
/// costs a full build, never wrong output.
///
/// The journal is what keeps a rebuild after a small edit from encoding the records of every
/// page again (a third of its time on the 20,000-page corpus); once it outgrows a quarter of
/// the payload, the next save writes the whole cache afresh and starts a new journal.
struct BuildCacheFile: Sendable {
    /// Raised whenever the payload's meaning changes; older caches are then ignored.
    static let formatVersion = 5
    static let magic = "WAYMARK-BUILD-CACHE"

    /// `<folder>/build.cache`
    let path: String
    /// `<folder>/build.journal`
    var journalPath: String { PathText.join(PathText.parent(of: path), "build.journal") }
    /// Who wrote the cache: a different binary may render differently, so its cache is not used.
    let identity: String
    /// How large the journal may grow, as a share of the payload, before a save writes it all.
    var journalShare = 0.25

    init(folder: String, identity: String = BuildCacheFile.binaryIdentity) {
        path = folder + "/build.cache"
        self.identity = identity
    }

    func load() -> (cache: BuildCache?, status: CacheStatus) {
        // Read into one array and decoded in place: 20 MB are not copied into blocks first.
        guard let data = WholeFile.bytes(at: path) else { return (nil, .missing) }
        var lines = data.split(separator: 0x0A, maxSplits: 4, omittingEmptySubsequences: false)
        guard lines.count == 5, String(decoding: lines[0], as: UTF8.self) == Self.magic else { return (nil, .corrupt("not a waymark cache")) }
        guard String(decoding: lines[1], as: UTF8.self) == "\(Self.formatVersion)",
              String(decoding: lines[2], as: UTF8.self) == identity else { return (nil, .otherVersion) }
        let payload = lines.removeLast()
        let checksum = FingerprintHash.hex(payload)
        guard String(decoding: lines[3], as: UTF8.self) == checksum else { return (nil, .corrupt("checksum mismatch")) }
        var cache: BuildCache
        do {
            cache = try BuildCache(decoding: data, from: payload.startIndex)
        } catch {
            return (nil, .corrupt("unreadable payload"))
        }
        var state = CacheFileState(checksum: checksum, base: payload.count, journal: 0)
        if let journal = FileManager.default.contents(atPath: journalPath) {
            switch CacheJournal.read(journal, base: checksum) {
            case let .entries(deltas, size):
                for delta in deltas { delta.apply(to: &cache) }
                state.journal = size
            case .otherBase:
                // Not this payload's (a save removes the journal before it writes a payload):
                // the payload alone is an older state, which kept files are verified against.
                break
            case let .corrupt(reason):
                return (nil, .corrupt(reason))
            }
        }
        cache.file = state
        return (cache, .used)
    }

    /// Saves `cache`, the state after a build that started from `previous`: as a journal entry
    /// when `previous` came from this file and the journal stays small, else whole.
    /// `fresh` and `changedSources` name what the build made anew (see `CacheDelta`).
    func save(_ cache: BuildCache, since previous: BuildCache?, fresh: [String: Set<String>], changedSources: Set<String>) throws {
        if let previous, let state = previous.file, previous.output == cache.output {
            let delta = CacheDelta(from: previous, to: cache, fresh: fresh, changedSources: changedSources)
            let entry = CacheJournal.entry(delta.encoded())
            if Double(state.journal + entry.count) <= Double(state.base) * journalShare {
                try CacheJournal.append(entry, to: journalPath, base: state.journal == 0 ? state.checksum : nil)
                return
            }
        }
        try save(cache)
    }

    /// Writes the whole cache beside its place and renames it in, so a reader never sees half of
    /// it; the journal of the previous payload is removed first (see `load`).
    func save(_ cache: BuildCache) throws {
        let payload = cache.encoded()
        var data = Data("\(Self.magic)\n\(Self.formatVersion)\n\(identity)\n\(FingerprintHash.hex(payload))\n".utf8)
        data.append(contentsOf: payload)
        let folder = PathText.parent(of: path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if unlink(journalPath) != 0, errno != ENOENT { throw OutputError.system("cannot remove \(journalPath)", errno) }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Removes the cache (before a build that could leave it describing files it did not write).
    func remove() {
        unlink(journalPath)
        unlink(path)
    }

    /// The running executable's size and modification time: a rebuilt binary starts afresh.
    static let binaryIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-binary" }
        return "exe-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
