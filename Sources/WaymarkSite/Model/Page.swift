/// A plain page such as "About", from `content/<site>/pages/<slug>.md`.
public struct Page: Sendable {
    public var slug: String
    public var source: String
    public var title: String
    public var summary: String?
    public var body: String
    /// The file line the body starts on, for locating problems inside it.
    public var bodyLine: Int

    public var path: String { "/\(slug)/" }
}
