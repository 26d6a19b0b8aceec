import Testing
import WaymarkNative
@testable import WaymarkSite

/// cmark-gfm gives autolinks no source position: the renderer finds them in the text, counting
/// columns in characters as diagnostics do.
@Suite struct AutolinkPositionTests {
    let lines = MarkdownRenderer.lines(of: "# Walk\nhttps://e.org/a is near\n\nSee é, https://e.org/b. Or https://e.org/b2.")

    func position(_ url: String, fromLine line: Int = 0) -> (line: Int, column: Int) {
        let position = MarkdownRenderer.position(of: .init(url: url, isImage: false, line: line, column: 0), in: lines)
        return (position.line, position.column)
    }

    @Test func findsTheURLOnItsLineAfterMultiByteText() {
        #expect(position("https://e.org/a") == (2, 1))
        #expect(position("https://e.org/b") == (4, 8))
        #expect(position("https://e.org/b2") == (4, 28))
    }

    @Test func startsAtTheLineCmarkGaveAndFallsBackToItWhenNotFound() {
        #expect(position("https://e.org/a", fromLine: 3) == (3, 1))
        #expect(position("https://nowhere.example", fromLine: 2) == (2, 1))
        #expect(position("https://nowhere.example") == (1, 1))
    }
}
