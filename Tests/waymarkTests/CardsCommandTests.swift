import Foundation
import Testing
import WaymarkCore
import WaymarkNative
import WaymarkTestSupport

/// `waymark cards` end to end, checked with real tools: qpdf, poppler, zbar and zxing-cpp.
@Suite struct CardsCommandTests {
    static let mm = 72 / 25.4

    /// The geometry each sheet must have, written out independently of the layout code.
    struct Expected {
        var page: (width: Double, height: Double)
        var slots: [(x: Double, y: Double, width: Double, height: Double)]

        static func grid(page: (Double, Double), left: Double, top: Double, pitch: (Double, Double), card: (Double, Double), columns: Int, rows: Int) -> Expected {
            Expected(page: page, slots: (0..<rows).flatMap { r in (0..<columns).map { c in
                (left + Double(c) * pitch.0, top + Double(r) * pitch.1, card.0, card.1) } })
        }

        static func of(_ sheet: String, passport: Bool) -> Expected {
            let card = passport ? (105.0, 148.0) : (85.0, 55.0)
            switch (sheet, passport) {
            case ("single", _): return grid(page: (card.0 + 6, card.1 + 6), left: 3, top: 3, pitch: (0, 0), card: card, columns: 1, rows: 1)
            case ("a4", false): return grid(page: (297, 210), left: 15, top: 16.5, pitch: (91, 61), card: card, columns: 3, rows: 3)
            case ("letter", false): return grid(page: (215.9, 279.4), left: 19.95, top: 20.7, pitch: (91, 61), card: card, columns: 2, rows: 4)
            case ("a4", true), ("avery-c32011", true): return grid(page: (297, 210), left: 40.5, top: 31, pitch: (111, 0), card: card, columns: 2, rows: 1)
            case ("letter", true), ("avery-5371", true): return grid(page: (279.4, 215.9), left: 31.7, top: 33.95, pitch: (111, 0), card: card, columns: 2, rows: 1)
            case ("avery-5371", false): return grid(page: (215.9, 279.4), left: 19.05, top: 12.7, pitch: (88.9, 50.8), card: (88.9, 50.8), columns: 2, rows: 5)
            default: return grid(page: (210, 297), left: 15, top: 13.5, pitch: (95, 54), card: (85, 54), columns: 2, rows: 5)
            }
        }
    }

    /// The example project with cards made for `sheet`.
    static func cards(_ arguments: [String], project: String? = nil) throws -> (project: String, run: WaymarkBinary.Run) {
        let project = try project ?? WaymarkBinary.exampleProject()
        return (project, try WaymarkBinary.run(["cards", "--root", project] + arguments))
    }

    /// Tokens in print order: stops by file name per trail, pets by file name.
    static func tokens(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") && $0 != "index.md" }.sorted().map { file in
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            return String(text.split(separator: "\n").first { $0.hasPrefix("token:") }!.dropFirst(6)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Every PDF of a run with the tokens each of its faces carries (nil for a face without code).
    static func expectedFaces(project: String, sheet: String) throws -> [(file: String, passport: Bool, faces: [String?])] {
        var files: [(String, Bool, [String?])] = []
        for trail in ["foxglove-wood-family-trail", "millrace-heritage-walk"] {
            files.append(("hollowcreek/stops-\(trail)-\(sheet).pdf", false, try tokens("\(project)/content/hollowcreek/trails/\(trail)")))
        }
        let pets = try tokens("\(project)/content/pawprint/pets")
        files.append(("pawprint/pet-tags-\(sheet).pdf", false, pets))
        let passportSheet = sheet == "avery-5371" ? "letter" : sheet == "avery-c32011" ? "a4" : sheet
        for (slug, token) in zip(["bramble", "otis", "pepper", "xiaobai", "zoe"], pets) {
            files.append(("pawprint/passport-\(slug)-\(passportSheet).pdf", true, [token, nil, nil]))
        }
        return files
    }

    @Test(arguments: ["single", "a4", "letter", "avery-5371", "avery-c32011"])
    func everySheetIsValidExactEmbeddedAndScansInOrder(sheet: String) throws {
        let project = try WaymarkBinary.exampleProject()
        try #require(try WaymarkBinary.run(["build", "--root", project]).status == 0)
        let run = try Self.cards(["--sheet", sheet], project: project).run
        try #require(run.status == 0, "\(run.stderr)")
        let manifest = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_manifest.json").standardized))
            .tokens.mapValues(\.payload)
        let renders = try QRDecoders.temporaryFolder()
        for (file, passport, faces) in try Self.expectedFaces(project: project, sheet: sheet) {
            let pdf = URL(fileURLWithPath: "\(project)/site/_print/\(file)")
            let expected = Expected.of(sheet, passport: passport)
            let check = try PDFTools.qpdfCheck(pdf)
            #expect(check.passed, "\(file): \(check.output)")
            for font in try PDFTools.fonts(pdf) { #expect(font.embedded && font.subset, "\(file): \(font)") }

            let perPage = expected.slots.count
            let pages = stride(from: 0, to: faces.count, by: perPage).map { Array(faces[$0..<min($0 + perPage, faces.count)]) }
            let boxes = try PDFTools.boxes(pdf)
            #expect(boxes.count == pages.count, "\(file): page count")
            for box in boxes {
                let media = try #require(box["MediaBox"])
                #expect(abs(media.width - expected.page.width * Self.mm) < 0.01 && abs(media.height - expected.page.height * Self.mm) < 0.01,
                        "\(file): page is \(media.width) × \(media.height) pt")
                if sheet == "single" {
                    let trim = try #require(box["TrimBox"])
                    #expect(abs(trim.x0 - 3 * Self.mm) < 0.01 && abs(trim.width - expected.slots[0].width * Self.mm) < 0.01 && abs(trim.height - expected.slots[0].height * Self.mm) < 0.01, "\(file): TrimBox \(trim)")
                    #expect(box["BleedBox"] == media, "\(file): BleedBox")
                }
            }
            for dpi in [300, 150] {
                let images = try PDFTools.render(pdf, dpi: dpi, into: renders)
                for (page, image) in zip(pages, images) {
                    let wanted = page.compactMap { $0 }.map { manifest[$0]! }
                    #expect(try PDFTools.zxingInReadingOrder(image).map(\.text) == wanted, "zxing-cpp: \(file) \(image.lastPathComponent)")
                    let px = Double(dpi) / 25.4
                    let regions = expected.slots.prefix(page.count).map { slot in
                        (x: Int((slot.x - 1) * px), y: Int((slot.y - 1) * px), width: Int((slot.width + 2) * px), height: Int((slot.height + 2) * px))
                    }
                    let byCard = try PDFTools.zbarByRegion(image, regions: regions)
                    #expect(byCard == page.map { $0.map { [manifest[$0]!] } ?? [] }, "zbarimg, card by card: \(file) \(image.lastPathComponent)")
                }
            }
        }
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let first = try Self.cards(["--sheet", "a4"]), second = try Self.cards(["--sheet", "a4"])
        try #require(first.run.status == 0 && second.run.status == 0)
        let a = WaymarkBinary.snapshot("\(first.project)/site/_print"), b = WaymarkBinary.snapshot("\(second.project)/site/_print")
        #expect(a.count == 19 && a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(bytes == b[path], "\(path) differs between runs") }
    }

    @Test func namesAreShapedAndHealthNotesAppearOnlyInThePassport() throws {
        let project = try WaymarkBinary.exampleProject()
        try """
        ---
        name: Müller
        species: dog
        token: 4XKQ9T2MPA
        owner:
          phone: "+44 7700 900999"
          public: [phone]
        health_notes: PRIVATE-NOTE-MUELLER
        ---
        A good dog.
        """.write(toFile: "\(project)/content/pawprint/pets/mueller.md", atomically: true, encoding: .utf8)
        try #require(try WaymarkBinary.run(["build", "--root", project, "--cards"]).status == 0)
        let print = "\(project)/site/_print/pawprint"
        let tags = try PDFTools.text(URL(fileURLWithPath: "\(print)/pet-tags-single.pdf"))
        for name in ["Zoë", "小白", "Müller", "Scan me if I'm lost", "+44 7700 900999"] { #expect(tags.contains(name), "pet tags lack \(name)") }
        #expect(try PDFTools.text(URL(fileURLWithPath: "\(print)/passport-mueller-single.pdf")).contains("PRIVATE-NOTE-MUELLER"))
        #expect(try PDFTools.text(URL(fileURLWithPath: "\(print)/passport-zoe-single.pdf")).contains("Molar spurs"))
        // Anywhere else: no PDF text, HTML, page or server file carries a note.
        for (path, bytes) in WaymarkBinary.snapshot("\(project)/site") where !path.contains("passport-") {
            let text = path.hasSuffix(".pdf") ? try PDFTools.text(URL(fileURLWithPath: "\(project)/site/\(path)")) : String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("PRIVATE-NOTE-MUELLER") && !text.contains("Molar spurs"), "health notes in \(path)")
        }
        // The build's QR files are still there beside the sheets.
        #expect(FileManager.default.fileExists(atPath: "\(print)/qr/VWRV3PH41J.svg"))
    }

    @Test func cropMarksSitOnTheCutLinesOutsideTheCards() throws {
        let (project, run) = try Self.cards(["--sheet", "a4", "--trail", "foxglove-wood-family-trail"])
        try #require(run.status == 0, "\(run.stderr)")
        let pages = try PDFTools.render(URL(fileURLWithPath: "\(project)/site/_print/hollowcreek/stops-foxglove-wood-family-trail-a4.pdf"), dpi: 150, into: try QRDecoders.temporaryFolder())
        let image = try PNGImage(contentsOfFile: pages[0].path)
        let px = 150 / 25.4
        let expected = Expected.of("a4", passport: false)
        let gridTop = Int(((expected.slots.first!.y - 3) * px).rounded(.down)) - 1
        let cuts = Set(expected.slots.flatMap { [$0.x, $0.x + $0.width] }).map { $0 * px }
        var darkColumns = Set<Int>()
        for y in 0..<gridTop {
            for x in 0..<image.width where image.rgba[(y * image.width + x) * 4] < 128 { darkColumns.insert(x) }
        }
        #expect(!darkColumns.isEmpty, "no marks above the cards")
        for x in darkColumns {
            #expect(cuts.contains { abs($0 - Double(x)) <= 1.5 }, "dark pixels in the top margin at x = \(x) px, off every cut line")
        }
        for cut in cuts { #expect(darkColumns.contains { abs(Double($0) - cut) <= 1.5 }, "no mark for the cut at \(cut) px") }
    }

    @Test func offsetMovesEverythingOnAHomeSheet() throws {
        func centres(_ offset: [String]) throws -> [PDFTools.Found] {
            let (project, run) = try Self.cards(["--sheet", "a4", "--pet", "zoe"] + offset)
            try #require(run.status == 0, "\(run.stderr)")
            let pdf = URL(fileURLWithPath: "\(project)/site/_print/pawprint/pet-tag-zoe-a4.pdf")
            return try PDFTools.zxingInReadingOrder(try PDFTools.render(pdf, dpi: 300, into: try QRDecoders.temporaryFolder())[0])
        }
        let plain = try centres([]), moved = try centres(["--offset", "2,-1"])
        try #require(plain.count == 1 && moved.count == 1)
        let px = 300 / 25.4
        #expect(abs(moved[0].x - plain[0].x - 2 * px) < 2 && abs(moved[0].y - plain[0].y + px) < 2)
    }

    @Test func htmlSheetPrintsFromABrowserAtThePaperSizeWithCodesInOrder() throws {
        let project = try WaymarkBinary.exampleProject()
        try #require(try WaymarkBinary.run(["build", "--root", project, "--site", "pawprint"]).status == 0)
        try #require(try Self.cards(["--sheet", "a4", "--site", "pawprint"], project: project).run.status == 0)
        let printed = URL(fileURLWithPath: "\(project)/browser.pdf")
        try PDFTools.printHTML(URL(fileURLWithPath: "\(project)/site/_print/pawprint/pet-tags-a4.html"), to: printed)
        let media = try #require(try PDFTools.boxes(printed).first?["MediaBox"])
        // Chromium rounds the @page size down to whole CSS pixels (0.75 pt): within one is the paper.
        #expect(abs(media.width - 297 * Self.mm) < 0.75 && abs(media.height - 210 * Self.mm) < 0.75, "\(media)")
        let manifest = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_manifest.json"))).tokens.mapValues(\.payload)
        let wanted = try Self.tokens("\(project)/content/pawprint/pets").map { manifest[$0]! }
        let page = try PDFTools.render(printed, dpi: 300, into: try QRDecoders.temporaryFolder())[0]
        #expect(try PDFTools.zxingInReadingOrder(page).map(\.text) == wanted)
    }

    @Test func filtersAndMistakes() throws {
        let (project, run) = try Self.cards(["--trail", "millrace-heritage-walk"])
        #expect(run.status == 0)
        #expect(run.stdout == "wrote site/_print/hollowcreek/stops-millrace-heritage-walk-single.pdf: 6 cards on 6 sheets\n")
        #expect(!FileManager.default.fileExists(atPath: "\(project)/site/_print/pawprint"))
        let typo = try Self.cards(["--trail", "millrace-heritage-wlak"])
        #expect(typo.run.status == 1)
        #expect(typo.run.stderr.contains("content:1:1: error: no trail named 'millrace-heritage-wlak'; did you mean 'millrace-heritage-walk'?"), "\(typo.run.stderr)")
        let both = try Self.cards(["--trail", "a", "--pet", "b"])
        #expect(both.run.status == 64 && both.run.stderr.contains("use --trail or --pet, not both"))
        let sheet = try Self.cards(["--sheet", "a3"])
        #expect(sheet.run.status == 64 && sheet.run.stderr.contains("--sheet must be one of single, a4, letter, avery-5371, avery-c32011"))
    }
}
