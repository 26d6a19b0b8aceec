import WaymarkCore

/// One stop on a trail: a post in the ground with a QR code on it.
public struct Stop: Sendable {
    public var slug: String
    public var source: String
    /// The position used for ordering: the file's `NN-` prefix or its `order:` field.
    public var order: Int
    public var title: String
    public var token: Token
    public var tokenLocation: SourceLocation
    public var latitude: Double
    public var longitude: Double
    public var summary: String?
    /// One line printed on the stop's card.
    public var prompt: String?
    public var body: String
    /// The file line the body starts on, for locating problems inside it.
    public var bodyLine: Int

    public func path(in trail: Trail) -> String { "/trails/\(trail.slug)/\(slug)/" }
}
