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
