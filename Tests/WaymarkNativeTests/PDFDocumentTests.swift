import Foundation
import Testing
import WaymarkNative
import WaymarkTestSupport

/// The PDF wrapper on its own: valid files, exact sizes and boxes, embedded fonts that shape
/// real names, vector QR codes both decoders read, and the same bytes every time.
@Suite struct PDFDocumentTests {
    static let mm = 72 / 25.4
    static let names = "Zoë · 小白 · Müller"

    /// A two-page card document: page 1 with TrimBox/BleedBox, page 2 without.
    func makeDocument(date: Int = 1_795_000_000) throws -> [UInt8] {
        let document = try PDFDocument(metadata: PDFMetadata(title: "Test cards", date: date), language: "en-GB")
        let width = 91 * Self.mm, height = 61 * Self.mm
        let trim = PDFRect(x: 3 * Self.mm, y: 3 * Self.mm, width: 85 * Self.mm, height: 55 * Self.mm)
        try document.page(width: width, height: height, boxes: PDFPageBoxes(trim: trim, bleed: PDFRect(x: 0, y: 0, width: width, height: height))) { canvas in
            canvas.fill(PDFRect(x: 0, y: 0, width: width, height: 12 * Self.mm), colour: RGBColor(hex: "#1d5e3a")!)
            let title = canvas.layout(Self.names, style: TextStyle(size: 12, bold: true), width: 50 * Self.mm)
            canvas.draw(title, x: 8 * Self.mm, y: 16 * Self.mm)
            let code = try QRCode(payload: "https://hc.example/t/K6V8GX")
            let path = code.vectorPath.scaled(toSquareOfSide: 30 * Self.mm, x: 57 * Self.mm, y: 20 * Self.mm)
            canvas.fill(path.rectangles.map { PDFRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }, colour: .black)
        }
        try document.page(width: 210 * Self.mm, height: 297 * Self.mm) { canvas in
            canvas.draw(canvas.layout("Second page", style: TextStyle(size: 10), width: nil), x: 20, y: 20)
        }
        #expect(document.pageCount == 2)
        return try document.finish()
    }

    func write(_ bytes: [UInt8]) throws -> URL {
        let folder = try QRDecoders.temporaryFolder()
        let url = folder.appendingPathComponent("test.pdf")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func passesQpdfAndHasExactSizesAndBoxes() throws {
        let pdf = try write(makeDocument())
        let check = try PDFTools.qpdfCheck(pdf)
        #expect(check.passed, "\(check.output)")
        let boxes = try PDFTools.boxes(pdf)
        try #require(boxes.count == 2)
        let media = try #require(boxes[0]["MediaBox"])
        #expect(abs(media.width - 91 * Self.mm) < 0.01 && abs(media.height - 61 * Self.mm) < 0.01)
        let trim = try #require(boxes[0]["TrimBox"])
        #expect(abs(trim.x0 - 3 * Self.mm) < 0.01 && abs(trim.y0 - 3 * Self.mm) < 0.01)
        #expect(abs(trim.width - 85 * Self.mm) < 0.01 && abs(trim.height - 55 * Self.mm) < 0.01)
        #expect(boxes[0]["BleedBox"] == media)
        let a4 = try #require(boxes[1]["MediaBox"])
        #expect(abs(a4.width - 595.28) < 0.01 && abs(a4.height - 841.89) < 0.01)
        // Without boxes of its own a page's TrimBox is its MediaBox.
        #expect(boxes[1]["TrimBox"] == a4)
    }

    @Test func embedsShapedFontsForEveryScript() throws {
        let pdf = try write(makeDocument())
        let fonts = try PDFTools.fonts(pdf)
        #expect(fonts.count >= 2, "a Latin and a CJK font: \(fonts)")
        for font in fonts { #expect(font.embedded && font.subset, "\(font)") }
        let text = try PDFTools.text(pdf)
        for name in ["Zoë", "小白", "Müller"] { #expect(text.contains(name), "pdftotext found: \(text)") }
    }

    @Test func twoRunsAreByteIdenticalAndDatesComeFromTheCaller() throws {
        let first = try makeDocument(), second = try makeDocument()
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        // cairo 1.16 writes the date without the "D:" prefix; readers (pdfinfo, qpdf) accept it.
        #expect(text.contains("/CreationDate (20261118110640Z)") && text.contains("/ModDate (20261118110640Z)"))
        #expect(try makeDocument(date: 0) != first)
    }

    @Test func vectorQRDecodesAt300And150DPI() throws {
        let pdf = try write(makeDocument())
        for dpi in [300, 150] {
            let pages = try PDFTools.render(pdf, dpi: dpi, into: pdf.deletingLastPathComponent())
            try #require(pages.count == 2)
            #expect(try PDFTools.zxingInReadingOrder(pages[0]).map(\.text) == ["https://hc.example/t/K6V8GX"], "zxing at \(dpi) dpi")
            #expect(try PDFTools.zbar(pages[0]) == ["https://hc.example/t/K6V8GX"], "zbar at \(dpi) dpi")
        }
        // Vector modules: the page content holds no image XObject.
        #expect(!String(decoding: try makeDocument(), as: UTF8.self).contains("/Subtype /Image"))
    }

    @Test func previewDrawsTheSamePageIntoAPNG() throws {
        let preview = try PDFPreview(width: 91 * Self.mm, height: 61 * Self.mm, pixelsPerInch: 150, language: "en")
        try preview.draw { canvas in
            let code = try QRCode(payload: "https://hc.example/t/K6V8GX")
            let path = code.vectorPath.scaled(toSquareOfSide: 30 * Self.mm, x: 10, y: 10)
            canvas.fill(path.rectangles.map { PDFRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }, colour: .black)
        }
        let png = try preview.png()
        let image = try PNGImage(data: png)
        #expect(image.width == 538 && image.height == 361)
        let file = try write([]).deletingLastPathComponent().appendingPathComponent("preview.png")
        try Data(png).write(to: file)
        #expect(try PDFTools.zxingInReadingOrder(file).map(\.text) == ["https://hc.example/t/K6V8GX"])
    }

    @Test func longTextIsCutToTheLinesAllowed() throws {
        let document = try PDFDocument(metadata: PDFMetadata(title: "t", date: 0), language: "en")
        try document.page(width: 200, height: 200) { canvas in
            let long = canvas.layout(String(repeating: "Find the line of old post stumps in the grass. ", count: 6),
                                     style: TextStyle(size: 10), width: 100, maxLines: 2)
            #expect(long.lineCount == 2)
            #expect(long.isEllipsized)
            #expect(long.size.width <= 100)
            let han = canvas.layout("小白", style: TextStyle(size: 10), width: nil)
            #expect(han.fontFamilies.contains { $0.contains("CJK") }, "\(han.fontFamilies)")
        }
        _ = try document.finish()
    }
}
