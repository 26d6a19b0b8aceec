/// Why the preview could not start: a port in use, a site that does not exist.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
