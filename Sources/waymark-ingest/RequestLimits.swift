#if canImport(Glibc)
import Glibc
#endif

/// Size limits on what a client may send. A beacon body is ~80 bytes and a browser's headers a
/// few hundred, so these are generous for real traffic and small for abuse.
struct RequestLimits: Sendable {
    var maximumTargetBytes = 2048
    var maximumHeaderBytes = 8192
    var maximumHeaderCount = 64
    var maximumBodyBytes = 4096
    /// An oversize body is read and dropped up to this much (so the client sees the 413 instead
    /// of a reset connection); past it the connection is closed.
    var maximumDiscardBytes = 64 * 1024
}

extension RequestLimits {
    /// Open connections allowed at once: what the file-descriptor limit leaves after room for
    /// log files and the listener, at most 10,000.
    static func maximumConnections() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1000 }
        let available = limit.rlim_cur > 1 << 20 ? 10_000 : Int(limit.rlim_cur) - 64
        return max(16, min(10_000, available))
    }
}
