import Foundation

/// Adds TrimBox and BleedBox entries to the page objects of a finished cairo PDF.
///
/// cairo (1.16 and later) has no API for page boxes, which print shops read to find the cut. The
/// entries go right after each page's `/MediaBox [...]`; every object after an insertion moves, so
/// the classic cross-reference table cairo writes is renumbered and `startxref` updated.
/// Anything unexpected throws rather than writing a damaged file (the tests run `qpdf --check`).
struct PDFBoxInserter {
    let pdf: [UInt8]

    func inserting(_ boxes: [PDFPageBoxes?]) throws(PDFError) -> [UInt8] {
        let pages = pageMediaBoxEnds()
        guard pages.count == boxes.count else {
            throw .unexpectedStructure("found \(pages.count) page objects for \(boxes.count) pages")
        }
        var insertions: [(at: Int, bytes: [UInt8])] = []
        for (end, box) in zip(pages, boxes) {
            guard let box else { continue }
            insertions.append((end, Array(" /TrimBox \(Self.array(box.trim)) /BleedBox \(Self.array(box.bleed))".utf8)))
        }
        guard let xref = lastIndex(of: "\nstartxref\n", before: pdf.count) else { throw .unexpectedStructure("no startxref") }
        let numberStart = xref + "\nstartxref\n".utf8.count
        let numberText = String(decoding: pdf[numberStart...].prefix { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
        guard let tableOffset = Int(numberText), pdf.count > tableOffset + 5,
              Array(pdf[tableOffset..<tableOffset + 5]) == Array("xref\n".utf8) else {
            throw .unexpectedStructure("no classic cross-reference table")
        }
        func shifted(_ offset: Int) -> Int {
            offset + insertions.filter { $0.at <= offset }.reduce(0) { $0 + $1.bytes.count }
        }

        var output = [UInt8]()
        output.reserveCapacity(pdf.count + insertions.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for insertion in insertions {
            output += pdf[cursor..<insertion.at]
            output += insertion.bytes
            cursor = insertion.at
        }
        output += pdf[cursor..<tableOffset]
        output += try renumberedTable(from: tableOffset, until: xref, shift: shifted)
        output += Array("\nstartxref\n\(shifted(tableOffset))".utf8)
        output += pdf[(numberStart + numberText.utf8.count)...]
        return output
    }
}

private extension PDFBoxInserter {
    /// Where each page object's MediaBox array ends (just after its `]`), in file order, which is
    /// page order in cairo's output.
    func pageMediaBoxEnds() -> [Int] {
        let page = Array("/Type /Page".utf8)
        let media = Array("/MediaBox [".utf8)
        var ends: [Int] = []
        var index = 0
        while let found = firstIndex(of: page, from: index) {
            index = found + page.count
            // "/Type /Pages" is the page tree, not a page.
            guard index < pdf.count, pdf[index] != UInt8(ascii: "s"),
                  let start = firstIndex(of: media, from: index),
                  let close = pdf[start...].firstIndex(of: UInt8(ascii: "]")) else { continue }
            ends.append(close + 1)
            index = close
        }
        return ends
    }

    /// The `xref` section with every in-use offset moved; entries are exactly 20 bytes.
    func renumberedTable(from start: Int, until end: Int, shift: (Int) -> Int) throws(PDFError) -> [UInt8] {
        var lines = String(decoding: pdf[start..<end], as: UTF8.self).components(separatedBy: "\n")
        for i in lines.indices {
            let fields = lines[i].split(separator: " ")
            guard fields.count == 3, fields[2] == "n", fields[0].count == 10, let offset = Int(fields[0]) else { continue }
            let moved = String(shift(offset))
            guard moved.count <= 10 else { throw .unexpectedStructure("offset too large") }
            lines[i] = String(repeating: "0", count: 10 - moved.count) + moved + " " + fields[1] + " n "
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= pdf.count else { return nil }
        var i = start
        while i + needle.count <= pdf.count {
            if pdf[i] == needle[0], pdf[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    func lastIndex(of text: String, before end: Int) -> Int? {
        let needle = Array(text.utf8)
        var i = end - needle.count
        while i >= 0 {
            if pdf[i..<i + needle.count].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    static func array(_ r: PDFRect) -> String {
        // Six fixed decimals, as cairo writes the MediaBox (never an exponent, which PDF lacks):
        // a BleedBox equal to the MediaBox then reads back equal.
        func n(_ v: Double) -> String { String(format: "%.6f", v) }
        return "[ \(n(r.x)) \(n(r.y)) \(n(r.maxX)) \(n(r.maxY)) ]"
    }
}
