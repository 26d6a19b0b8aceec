/// A plain page such as "About", from `content/<site>/pages/<slug>.md`.
public struct Page: Sendable {
    public var slug: String
    public var source: String
    public var title: String
    public var summary: String?
    public var body: String

    public var path: String { "/\(slug)/" }
}
