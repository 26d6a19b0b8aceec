import Testing
@testable import WaymarkSite

@Suite struct SuggestionTests {
    @Test func transposedLettersAreOneEdit() {
        #expect(Suggestion.distance("titel", "title") == 1)
        #expect(Suggestion.closest(to: "titel", among: ["title", "token"]) == "title")
    }

    @Test func missingAndWrongLetters() {
        #expect(Suggestion.closest(to: "sumary", among: ["summary", "title"]) == "summary")
        #expect(Suggestion.closest(to: "Lat", among: ["lat", "lon"]) == "lat")
    }

    @Test func unrelatedWordsGetNoSuggestion() {
        #expect(Suggestion.closest(to: "colour", among: ["title", "summary"]) == nil)
    }
}
