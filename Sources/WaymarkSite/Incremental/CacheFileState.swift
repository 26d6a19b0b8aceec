/// How the cache file stood when a cache was read from it.
struct CacheFileState: Sendable, Equatable {
    /// Checksum of the payload: a journal names the payload it continues.
    var checksum: String
    /// Size of the payload.
    var base: Int
    /// Size of the journal that continues it (0: none yet).
    var journal: Int
}
