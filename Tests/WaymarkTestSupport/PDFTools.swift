import Foundation

/// The PDF checkers the print tests call: qpdf, poppler's pdfinfo / pdffonts / pdftotext /
/// pdftoppm, and the two QR decoders on rendered pages. A missing tool throws with the install
/// line: the tests fail rather than skip.
public enum PDFTools {
    public struct Box: Equatable, Sendable {
        public var x0, y0, x1, y1: Double
        public var width: Double { x1 - x0 }
        public var height: Double { y1 - y0 }
    }

    public struct Font: Equatable, Sendable {
        public var name: String
        public var type: String
        public var embedded: Bool
        public var subset: Bool
    }

    /// A QR code found on a rendered page: its text and the centre of its corners, in pixels.
    public struct Found: Equatable, Sendable {
        public var text: String
        public var x: Double
        public var y: Double
    }

    /// `qpdf --check`: exit status 0 and its report.
    public static func qpdfCheck(_ pdf: URL) throws -> (passed: Bool, output: String) {
        let result = try run("qpdf", ["--check", pdf.path], install: "apt-get install qpdf")
        return (result.status == 0, result.output + result.error)
    }

    /// Every page's boxes (MediaBox, CropBox, BleedBox, TrimBox, ArtBox) from `pdfinfo -box`.
    public static func boxes(_ pdf: URL) throws -> [[String: Box]] {
        let pages = try pageCount(pdf)
        let result = try run("pdfinfo", ["-box", "-f", "1", "-l", String(pages), pdf.path], install: "apt-get install poppler-utils")
        guard result.status == 0 else { throw ToolFailure(description: "pdfinfo: \(result.error)") }
        var boxes = [[String: Box]](repeating: [:], count: pages)
        for line in result.output.split(separator: "\n") {
            // "Page    1 TrimBox:     8.50     8.50   249.45   164.41"
            let words = line.split(separator: " ")
            guard words.count == 7, words[0] == "Page", let page = Int(words[1]), words[2].hasSuffix("Box:"),
                  let values = Optional(words[3...6].compactMap { Double($0) }), values.count == 4 else { continue }
            boxes[page - 1][String(words[2].dropLast())] = Box(x0: values[0], y0: values[1], x1: values[2], y1: values[3])
        }
        return boxes
    }

    public static func pageCount(_ pdf: URL) throws -> Int {
        let result = try run("pdfinfo", [pdf.path], install: "apt-get install poppler-utils")
        guard result.status == 0 else { throw ToolFailure(description: "pdfinfo: \(result.error)") }
        let line = result.output.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        guard let count = Int(line.split(separator: " ").last ?? "") else { throw ToolFailure(description: "pdfinfo: no page count") }
        return count
    }

    /// The fonts `pdffonts` lists.
    public static func fonts(_ pdf: URL) throws -> [Font] {
        let result = try run("pdffonts", [pdf.path], install: "apt-get install poppler-utils")
        guard result.status == 0 else { throw ToolFailure(description: "pdffonts: \(result.error)") }
        // name type encoding emb sub uni object ID; the type may contain spaces ("CID TrueType").
        return result.output.split(separator: "\n").dropFirst(2).compactMap { line in
            let words = line.split(separator: " ")
            guard words.count >= 7 else { return nil }
            let flags = words.suffix(5)
            return Font(name: String(words[0]), type: words.dropFirst().dropLast(6).joined(separator: " "),
                        embedded: flags[flags.startIndex] == "yes", subset: flags[flags.startIndex + 1] == "yes")
        }
    }

    /// The text `pdftotext` extracts (pages separated by form feeds).
    public static func text(_ pdf: URL) throws -> String {
        let result = try run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"], install: "apt-get install poppler-utils")
        guard result.status == 0 else { throw ToolFailure(description: "pdftotext: \(result.error)") }
        return result.output
    }

    /// Renders every page at `dpi` with pdftoppm; returns the PNG files in page order.
    public static func render(_ pdf: URL, dpi: Int, into folder: URL) throws -> [URL] {
        let prefix = folder.appendingPathComponent("\(pdf.deletingPathExtension().lastPathComponent)-\(dpi)")
        let result = try run("pdftoppm", ["-r", String(dpi), "-png", pdf.path, prefix.path], install: "apt-get install poppler-utils")
        guard result.status == 0 else { throw ToolFailure(description: "pdftoppm: \(result.error)") }
        let name = prefix.lastPathComponent + "-"
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(name) && $0.hasSuffix(".png") }
            .sorted { Int($0.dropFirst(name.count).dropLast(4))! < Int($1.dropFirst(name.count).dropLast(4))! }
            .map { folder.appendingPathComponent($0) }
    }

    /// Every QR code zxing-cpp finds on the image, in reading order: top to bottom by row (codes
    /// whose centres are within `rowTolerance` pixels share a row), left to right within a row.
    public static func zxingInReadingOrder(_ png: URL, rowTolerance: Double = 40) throws -> [Found] {
        let script = """
        import sys, json, zxingcpp
        from PIL import Image
        found = zxingcpp.read_barcodes(Image.open(sys.argv[1]).convert("L"))
        out = []
        for r in found:
            if r.format != zxingcpp.BarcodeFormat.QRCode: continue
            p = r.position
            xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
            ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
            out.append({"text": r.text, "x": sum(xs) / 4, "y": sum(ys) / 4})
        print(json.dumps(out))
        """
        let result = try run("python3", ["-c", script, png.path], install: "pip install zxing-cpp pillow")
        guard result.status == 0 else { throw ToolFailure(description: "zxing-cpp: \(result.error)") }
        struct Raw: Decodable { var text: String; var x: Double; var y: Double }
        let raw = try JSONDecoder().decode([Raw].self, from: Data(result.output.utf8))
        return readingOrder(raw.map { Found(text: $0.text, x: $0.x, y: $0.y) }, rowTolerance: rowTolerance)
    }

    /// What zbarimg reads in each region (pixel rectangles of the image), one list per region:
    /// zbar reports no positions, so order is checked card by card.
    public static func zbarByRegion(_ png: URL, regions: [(x: Int, y: Int, width: Int, height: Int)]) throws -> [[String]] {
        let folder = png.deletingLastPathComponent()
        let boxes = regions.map { "\($0.x),\($0.y),\($0.x + $0.width),\($0.y + $0.height)" }.joined(separator: ";")
        let stem = png.deletingPathExtension().lastPathComponent
        let script = """
        import sys
        from PIL import Image
        image = Image.open(sys.argv[1]).convert("L")
        for i, box in enumerate(sys.argv[2].split(";")):
            image.crop(tuple(int(v) for v in box.split(","))).save(sys.argv[3] + "-region%d.png" % i)
        """
        let prefix = folder.appendingPathComponent(stem).path
        let crop = try run("python3", ["-c", script, png.path, boxes, prefix], install: "pip install pillow")
        guard crop.status == 0 else { throw ToolFailure(description: "Pillow: \(crop.error)") }
        return try regions.indices.map { try zbar(URL(fileURLWithPath: "\(prefix)-region\($0).png")) }
    }

    /// Every text zbarimg reads in the image (any order).
    public static func zbar(_ png: URL) throws -> [String] {
        let result = try run("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.path], install: "apt-get install zbar-tools")
        guard result.status == 0 || result.status == 4 else { throw ToolFailure(description: "zbarimg: \(result.error)") }
        return result.output.split(separator: "\n").map(String.init)
    }

    /// Prints an HTML file to PDF with headless Chromium, as a person printing from a browser.
    public static func printHTML(_ html: URL, to pdf: URL) throws {
        let result = try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                          "--print-to-pdf=\(pdf.path)", html.path], install: "apt-get install chromium")
        guard FileManager.default.fileExists(atPath: pdf.path) else { throw ToolFailure(description: "chromium printed nothing: \(result.error)") }
    }

    public struct ToolFailure: Error, CustomStringConvertible {
        public let description: String
    }
}

private extension PDFTools {
    static func readingOrder(_ found: [Found], rowTolerance: Double) -> [Found] {
        var rows: [[Found]] = []
        for code in found.sorted(by: { $0.y < $1.y }) {
            if let last = rows.last?.first, abs(last.y - code.y) <= rowTolerance {
                rows[rows.count - 1].append(code)
            } else {
                rows.append([code])
            }
        }
        return rows.flatMap { $0.sorted { $0.x < $1.x } }
    }

    static func run(_ tool: String, _ arguments: [String], install: String) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The tools write little to stderr, so reading it after stdout cannot fill its pipe.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = String(decoding: errorData, as: UTF8.self)
        if process.terminationStatus == 127 || errorText.contains("ModuleNotFoundError") {
            throw ToolFailure(description: "\(tool) is missing (\(errorText.trimmingCharacters(in: .whitespacesAndNewlines))): \(install), or run `make test-deps`")
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), errorText)
    }
}
