/// The identifier of one site (one customer) in a repository: its folder name under `content/`.
public struct SiteID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Lower-case letters, digits and hyphens, starting with a letter: safe as a folder name, a URL
    /// segment and a hive partition value (`site=<id>`).
    public init?(_ string: String) {
        guard let first = string.first, first.isASCII, first.isLowercase,
              string.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
              string.count <= 64
        else { return nil }
        rawValue = string
    }

    public init(from decoder: Decoder) throws {
        let string = try decoder.singleValueContainer().decode(String.self)
        guard let id = SiteID(string) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid site id \(string)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: SiteID, rhs: SiteID) -> Bool { lhs.rawValue < rhs.rawValue }
}
