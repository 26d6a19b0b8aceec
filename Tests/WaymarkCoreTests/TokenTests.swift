import Testing
import WaymarkCore

@Suite struct TokenTests {
    @Test func acceptsCrockfordUpperCase() {
        #expect(Token("7KQ2MX")?.rawValue == "7KQ2MX")
        #expect(Token("0123456789ABCDEFGHJKMNPQRSTVWXYZ") != nil)
    }

    @Test(arguments: ["I", "L", "O", "U", "a", "-", " "])
    func rejectsLookAlikesAndOtherCharacters(character: String) {
        #expect(Token("7KQ\(character)MX") == nil)
    }

    @Test func problemNamesTheCharacterItsOffsetAndALikelyFix() {
        guard case let .failure(problem) = Token.validate("7KO2MX") else {
            Issue.record("accepted a token with O")
            return
        }
        #expect(problem == .forbiddenCharacter("O", offset: 2))
        #expect(problem.description == "'O' is not allowed in a token: use 0-9 and A-Z without I, L, O, U (did you mean '0'?)")
    }

    @Test func petTokensMustBeLongerThanStopTokens() {
        #expect(TokenKind.stop.minimumLength == 6)
        #expect(TokenKind.pet.minimumLength == 8)
    }
}
