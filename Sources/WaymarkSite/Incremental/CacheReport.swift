/// How a build used its cache: what it found, and how many pages and QR codes it rendered
/// versus kept from the previous build.
public struct CacheReport: Sendable, Equatable {
    public var status: CacheStatus
    /// Pages that go through the cache (trail, stop, pet, plain and redirect pages) rendered now.
    public var pagesRendered = 0
    /// Pages of those kinds left as they were.
    public var pagesKept = 0
    /// QR code files (SVG and PNG) made now, and kept.
    public var codesRendered = 0
    public var codesKept = 0

    public init(status: CacheStatus) { self.status = status }

    public var description: String {
        "\(status); pages rendered \(pagesRendered), kept \(pagesKept); QR files made \(codesRendered), kept \(codesKept)"
    }
}
