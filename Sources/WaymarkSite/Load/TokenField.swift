import WaymarkCore

/// Reads and validates the `token:` field of a stop or pet.
enum TokenField {
    static func read(_ fields: FieldReader, kind: TokenKind) -> (token: Token, location: SourceLocation)? {
        guard let text = fields.located("token", required: true) else { return nil }
        switch Token.validate(text.value) {
        case let .failure(problem):
            var location = text.location
            if case let .forbiddenCharacter(_, offset) = problem { location.column += offset }
            fields.report(.error(problem.description, at: location))
            return nil
        case let .success(token):
            guard token.rawValue.count >= kind.minimumLength else {
                fields.report(.error("a \(kind.rawValue) token must be at least \(kind.minimumLength) characters long, found \(token.rawValue.count)", at: text.location))
                return nil
            }
            return (token, text.location)
        }
    }
}
