import ArgumentParser
import Foundation
import WaymarkNative

/// `waymark qr`: one QR code as SVG or PNG, for a payload typed on the command line.
struct QRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Write a QR code for TEXT as SVG or PNG.",
        discussion: """
        The format follows the extension of -o. The smallest version that fits is chosen; an \
        upper-case payload uses the denser alphanumeric mode. A logo forces level H.

        Examples:
          waymark qr https://hc.example/t/7KQ2MX/ -o stop.svg
          waymark qr HTTPS://HC.EXAMPLE/T/7KQ2MX -o stop.png --scale 10 --level Q
          waymark qr https://hc.example/t/7KQ2MX/ -o blue.svg --foreground '#1b2a4a'
        """
    )

    @Argument(help: "The text to encode, usually a short URL.") var text: String
    @Option(name: .shortAndLong, help: "Output file ending in .svg or .png.") var output: String
    @Option(help: "Error correction: L, M, Q or H.") var level = "M"
    @Option(help: "Pixels per module (PNG; also the SVG's size).") var scale = 8
    @Option(help: "Quiet zone in modules (at least 4).") var margin = 4
    @Option(help: "Colour of the dark modules, #rrggbb.") var foreground = "#000000"
    @Option(help: "Background colour, #rrggbb.") var background = "#ffffff"
    @Flag(help: "Accept colours with a contrast ratio below 4.5:1.") var allowLowContrast = false
    @Flag(help: "Accept light modules on a dark background.") var allowInverted = false
    @Option(help: "A PNG drawn in the centre (forces level H).") var logo: String?

    func run() throws {
        guard let level = QRErrorCorrection(letter: level) else { throw ValidationError("--level must be L, M, Q or H") }
        let isPNG = output.lowercased().hasSuffix(".png")
        guard isPNG || output.lowercased().hasSuffix(".svg") else { throw ValidationError("-o must end in .svg or .png") }
        do {
            var style = QRStyle()
            guard let fg = RGBColor(hex: foreground) else { throw QRError.invalidColor(foreground) }
            guard let bg = RGBColor(hex: background) else { throw QRError.invalidColor(background) }
            (style.foreground, style.background, style.errorCorrection) = (fg, bg, level)
            (style.scale, style.margin) = (scale, margin)
            (style.allowsLowContrast, style.allowsInverted) = (allowLowContrast, allowInverted)
            style.logo = try logo.map { path throws(QRError) in try QRLogo(pngFile: path) }
            let code = try QRCode(payload: text, style: style)
            let bytes = isPNG ? try code.png() : code.svgBytes()
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        } catch {
            throw ErrorMessage.report(error, hint: Self.hint(for: error))
        }
    }

    /// The flag that makes the code anyway, for refusals a user may knowingly override.
    static func hint(for error: any Error) -> String {
        switch error as? QRError {
        case .lowContrast?: return "; pass --allow-low-contrast to make it anyway"
        case .inverted?: return "; pass --allow-inverted to make it anyway"
        default: return ""
        }
    }
}
