import WaymarkCore

/// Where each part of a face goes, in millimetres with the origin at the trim's top-left corner.
///
/// Worked out before anything is drawn, so the PDF, the PNG preview and the HTML sheet place the
/// code and the text areas identically, and tests can check the rules without rendering: the
/// code (quiet zone included) and every text area lie inside the safe area and never overlap.
struct CardLayout: Equatable, Sendable {
    let geometry: CardGeometry
    /// The coloured strip along the top edge; it runs into the bleed on three sides.
    let band: PrintRect?
    /// Where the band's text is set (inside the safe area).
    let bandText: PrintRect?
    /// The text area.
    let text: PrintRect
    /// The whole code square, quiet zone included (filled with the code's background colour).
    let code: PrintRect?
    /// The symbol alone: what `qr_size` measures.
    let symbol: PrintRect?
    /// The line under the code.
    let caption: PrintRect?

    /// Height of the band's part inside the safe area, of the caption line, and gaps.
    static let bandInside = 5.5
    static let captionHeight = 3.2
    static let gap = 2.5

    /// Lays out a face with a band (when `hasBand`) and a code of `modules` modules a side plus
    /// `quietZone` on each side (when the face has a code).
    init(geometry: CardGeometry, settings: CardSettings, hasBand: Bool, code modules: Int?, quietZone: Int) throws(LayoutProblem) {
        self.geometry = geometry
        let safe = geometry.safe
        guard safe.width > 10, safe.height > 10 else {
            throw LayoutProblem("a \(geometry.size) card with a \(CardSettings.Size.number(geometry.safeMargin)) mm safe margin leaves no room for text")
        }
        var top = safe.y
        if hasBand {
            let bottom = safe.y + Self.bandInside
            band = PrintRect(x: -geometry.bleed, y: -geometry.bleed, width: geometry.size.width + 2 * geometry.bleed, height: bottom + geometry.bleed)
            bandText = PrintRect(x: safe.x, y: safe.y, width: safe.width, height: Self.bandInside - 1)
            top = bottom + Self.gap
        } else {
            band = nil
            bandText = nil
        }
        guard let modules else {
            (code, symbol, caption) = (nil, nil, nil)
            text = PrintRect(x: safe.x, y: top, width: safe.width, height: safe.maxY - top)
            return
        }
        // The quiet zone is counted in modules (a fixed millimetre margin is too thin for large
        // modules), and it stays inside the safe area with the symbol.
        let module = settings.qrSize / Double(modules)
        let side = module * Double(modules + 2 * quietZone)
        let quiet = module * Double(quietZone)
        let codeTop = safe.maxY - Self.captionHeight - side
        let codeX = geometry.isPortrait ? safe.midX - side / 2 : safe.maxX - side
        guard codeTop >= top - Self.gap, side <= safe.width else {
            throw LayoutProblem("a \(CardSettings.Size.number(settings.qrSize)) mm code needs \(CardSettings.Size.number(side + Self.captionHeight)) mm of height with its quiet zone and caption, and the \(geometry.size) card has \(CardSettings.Size.number(safe.maxY - top + Self.gap)) mm below the band inside the safe area: use a larger 'size', a smaller 'safe_margin' or a smaller 'qr_size'")
        }
        code = PrintRect(x: codeX, y: codeTop, width: side, height: side)
        symbol = PrintRect(x: codeX + quiet, y: codeTop + quiet, width: side - 2 * quiet, height: side - 2 * quiet)
        // The caption row spans the safe width: a long URL may reach left of the code (the painter
        // centres a short one under the code), so the text column stops above that row.
        caption = PrintRect(x: safe.x, y: codeTop + side, width: geometry.isPortrait ? safe.width : codeX + side - safe.x, height: Self.captionHeight)
        if geometry.isPortrait {
            text = PrintRect(x: safe.x, y: top, width: safe.width, height: max(0, codeTop - Self.gap - top))
        } else {
            text = PrintRect(x: safe.x, y: top, width: max(0, codeX - Self.gap - safe.x), height: codeTop + side - top)
        }
        guard text.width >= 15 else {
            throw LayoutProblem("the \(geometry.size) card leaves only \(CardSettings.Size.number(text.width)) mm beside the code for text")
        }
    }
}

/// Why a face could not be laid out within its card's safe area.
struct LayoutProblem: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
