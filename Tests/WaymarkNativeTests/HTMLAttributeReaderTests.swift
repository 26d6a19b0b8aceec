import Testing
import WaymarkNative

/// The SAX reader must find exactly what XPath finds in the tree of the same parse.
@Suite struct HTMLAttributeReaderTests {
    static let page = """
    <!doctype html>
    <HTML lang="en"><head><LINK rel="stylesheet" HREF="/a.css"><script src="/s.js"></script></head>
    <body id="top"><!-- <a href="/commented/"> -->
    <div id="x"><p>Text <A href="/one/?a=1&amp;b=2#f" id="link-1">one</A> and <a>no href</a>
    <img src="/m/p.png" alt="p"><table><tr><td id="cell"><a href="../two/">two</a></td></tr></table>
    <ul><li><a href="/three/" id="x">dup id</a><li><a href='mailto:a@example.org'>mail</a></ul>
    </div><p>unclosed <b><i id="deep">nested</b></i>
    <a href="/after/">after a misnested close</a></body></html>
    """

    @Test func walkFindsWhatXPathFinds() throws {
        let document = try #require(HTMLDocument(Self.page))
        let values = HTMLAttributeReader.values([
            .init(element: "a", attribute: "href"), .init(element: "img", attribute: "src"),
            .init(element: "link", attribute: "href"), .init(element: "script", attribute: "src"),
            .init(attribute: "id"),
        ], in: Self.page)
        #expect(values[0] == document.strings("//a/@href"))
        #expect(values[1] == document.strings("//img/@src"))
        #expect(values[2] == document.strings("//link/@href"))
        #expect(values[3] == document.strings("//script/@src"))
        #expect(values[4] == document.strings("//@id"))
        #expect(values[0] == ["/one/?a=1&b=2#f", "../two/", "/three/", "mailto:a@example.org", "/after/"])
        #expect(values[4] == ["top", "x", "link-1", "cell", "x", "deep"])
    }

    @Test func aPageWithoutTheAttributesGivesEmptyLists() {
        #expect(HTMLAttributeReader.values([.init(attribute: "id"), .init(element: "a", attribute: "href")], in: "<p>plain</p>") == [[], []])
        #expect(HTMLAttributeReader.values([.init(attribute: "id")], in: "") == [[]])
    }

    @Test func aValuelessAttributeReadsAsEmpty() {
        #expect(HTMLAttributeReader.values([.init(attribute: "id")], in: "<p id>x</p><p id=\"b\">y</p>") == [["", "b"]])
    }
}
