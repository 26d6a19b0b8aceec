import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

/// `waymark cards`: printable card sheets (PDF, PNG preview, HTML) into site/_print/<site>/.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "Write printable card sheets (PDF + PNG preview + HTML) to site/_print/<site>/.",
        discussion: """
        Stop cards per trail, pet tags, and a passport per pet. --sheet single: one card a page with \
        3 mm bleed, TrimBox and BleedBox (for print shops); a4 / letter: as many cards as fit, with \
        crop marks (home printers); avery-5371 / avery-c32011: pre-cut card stock. --offset moves \
        everything on home-printed sheets to correct a printer that prints off-centre.

        Examples:
          waymark cards
          waymark cards --site hollowcreek --trail millrace-heritage-walk --sheet a4
          waymark cards --pet zoe --sheet avery-c32011 --offset 0.5,-1
        """
    )

    @OptionGroup var project: ProjectOptions
    @Option(help: "Only this trail's stop cards.") var trail: String?
    @Option(help: "Only this pet's tag and passport.") var pet: String?
    @Option(help: "single, a4, letter, avery-5371 or avery-c32011 (default: cards.sheet in site.yml, else single).")
    var sheet: String?
    @Option(help: "Printer calibration X,Y in mm (right, down), e.g. 0.5,-1.") var offset: String?

    func run() throws {
        guard trail == nil || pet == nil else { throw ValidationError("use --trail or --pet, not both") }
        let sheetKind = try sheet.map { name in
            guard let kind = CardSettings.Sheet(rawValue: name) else {
                throw ValidationError("--sheet must be one of \(CardSettings.Sheet.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
        let calibration = try offset.map { text in
            let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 2, numbers.allSatisfy({ abs($0) <= 20 }) else { throw ValidationError("--offset must be X,Y in millimetres between -20 and 20, e.g. 0.5,-1") }
            return (x: numbers[0], y: numbers[1])
        }
        let root = project.absoluteRoot
        let printer = CardPrinter(options: .init(root: root, sites: Set(project.site), trail: trail, pet: pet, sheet: sheetKind, offset: calibration))
        try Self.print(with: printer, root: root)
    }

    /// Writes the sheets and reports them; shared with `waymark build --cards`.
    static func print(with printer: CardPrinter, root: String, diagnostics: Bool = true) throws {
        do {
            let result = try printer.write()
            if diagnostics { DiagnosticOutput.print(result.diagnostics, root: root, summary: false) }
            for file in result.files where file.path.hasSuffix(".pdf") {
                let faces = file.path.contains("/passport-") ? "passport page" : "card"
                Swift.print("wrote site/\(file.path): \(file.cards) \(faces)\(file.cards == 1 ? "" : "s") on \(file.pages) \(file.pages == 1 ? "sheet" : "sheets")")
            }
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, root: root, summary: true)
            throw ExitCode.failure
        } catch {
            throw ErrorMessage.report(error)
        }
    }
}
