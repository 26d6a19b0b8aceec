import Testing
import WaymarkNative

/// cmark-gfm as Waymark configures it: GitHub extensions on, raw HTML off unless asked.
@Suite struct MarkdownDocumentTests {
    @Test func githubExtensionsRender() {
        let html = MarkdownDocument("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~old~~ https://example.org

        - [ ] todo
        - [x] done
        """).html()
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" /> todo"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
    }

    @Test func rawHTMLIsOmittedByDefault() {
        #expect(MarkdownDocument("<b>x</b>\n\n<script>y</script>").html() == "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->\n")
        #expect(MarkdownDocument("<b>x</b>", options: .init(allowRawHTML: true)).html() == "<p><b>x</b></p>\n")
    }

    @Test func linksAndImagesComeWithTheirPositions() {
        let document = MarkdownDocument("Intro\n\nSee [the weir](/weir/) and ![a heron](heron.jpg).")
        #expect(document.links() == [
            .init(url: "/weir/", isImage: false, line: 3, column: 5),
            .init(url: "heron.jpg", isImage: true, line: 3, column: 28),
        ])
    }

    @Test func urlsCanBeRewrittenBeforeRendering() {
        let document = MarkdownDocument("![a heron](heron.jpg)")
        document.rewriteURLs { $0.isImage ? "/media/abc.jpg" : nil }
        #expect(document.html() == "<p><img src=\"/media/abc.jpg\" alt=\"a heron\" /></p>\n")
    }

    @Test func headingsGetUniqueGitHubStyleIDs() {
        let document = MarkdownDocument("# The Old Mill\n\n## Then & now\n\n## Then & now\n\n---\n\n### `code` here")
        #expect(document.headingIDs() == ["the-old-mill", "then--now", "then--now-1", "code-here"])
        let html = document.html()
        #expect(html.contains("<h1 id=\"the-old-mill\">The Old Mill</h1>"))
        #expect(html.contains("<h2 id=\"then--now-1\">"))
        #expect(html.contains("<hr />"))
        #expect(html.contains("<h3 id=\"code-here\"><code>code</code> here</h3>"))
    }
}
