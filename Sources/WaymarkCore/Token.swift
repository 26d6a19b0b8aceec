/// A permanent QR token: Crockford base32 in upper case (`0-9A-Z` without `I L O U`).
///
/// The alphabet has no look-alike characters and fits the QR alphanumeric mode.
public struct Token: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public static let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public let rawValue: String

    /// Why a string is not a valid token.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case forbiddenCharacter(Character, offset: Int)

        public var description: String {
            switch self {
            case .empty:
                return "a token cannot be empty"
            case let .forbiddenCharacter(character, _):
                let hint = Self.lookAlikes[character].map { " (did you mean '\($0)'?)" } ?? ""
                return "'\(character)' is not allowed in a token: use 0-9 and A-Z without I, L, O, U\(hint)"
            }
        }

        private static let lookAlikes: [Character: Character] = ["I": "1", "L": "1", "O": "0", "U": "V"]
    }

    /// Validates `string` as it is written: lower case is rejected rather than silently fixed, so the
    /// printed code and the source file always agree.
    public static func validate(_ string: String) -> Result<Token, Problem> {
        guard !string.isEmpty else { return .failure(.empty) }
        for (offset, character) in string.enumerated() where !alphabet.contains(character) {
            return .failure(.forbiddenCharacter(character, offset: offset))
        }
        return .success(Token(unchecked: string))
    }

    public init?(_ string: String) {
        guard case let .success(token) = Self.validate(string) else { return nil }
        self = token
    }

    private init(unchecked: String) { rawValue = unchecked }

    public init(from decoder: Decoder) throws {
        let string = try decoder.singleValueContainer().decode(String.self)
        guard let token = Token(string) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid token \(string)"))
        }
        self = token
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Token, rhs: Token) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a token stands for; each kind has its own minimum length.
public enum TokenKind: String, Codable, Sendable, CaseIterable {
    case stop, pet

    /// Stops carry only public trail content; pets carry contact details, so their tokens must be
    /// long enough not to be guessed by walking the space.
    public var minimumLength: Int {
        switch self {
        case .stop: return 6
        case .pet: return 8
        }
    }
}
