/// Where cards go on the pages of a sheet: page size, one trim rectangle per slot (reading order),
/// the bleed each card keeps, crop marks, and the calibration offset. Millimetres, top-left origin.
public struct SheetLayout: Equatable, Sendable {
    public var sheet: CardSettings.Sheet
    public var page: CardSettings.Size
    /// Each card's trim rectangle on the page, left to right, then top to bottom.
    public var slots: [PrintRect]
    /// How far each card's background is drawn past its trim.
    public var bleed: Double
    public var marks: [CropMark]
    /// Printer calibration, applied to everything drawn (not to the page size or boxes).
    public var offset: (x: Double, y: Double)
    /// Whether pages carry TrimBox and BleedBox (one card a page, for print shops).
    public var hasBoxes: Bool { sheet == .single }

    /// The margin a home printer cannot print in, added around crop marks.
    static let printerMargin = 3.5

    public static func == (a: SheetLayout, b: SheetLayout) -> Bool {
        a.sheet == b.sheet && a.page == b.page && a.slots == b.slots && a.bleed == b.bleed && a.marks == b.marks
            && a.offset.x == b.offset.x && a.offset.y == b.offset.y
    }

    /// Lays out `card`-sized cards (ignored by the card-stock presets, which fix the size).
    public static func make(_ sheet: CardSettings.Sheet, card: CardSettings.Size, bleed: Double, offset: (x: Double, y: Double)) -> SheetLayout {
        switch sheet {
        case .single:
            let page = CardSettings.Size(width: card.width + 2 * bleed, height: card.height + 2 * bleed)
            return SheetLayout(sheet: sheet, page: page, slots: [PrintRect(x: bleed, y: bleed, width: card.width, height: card.height)],
                               bleed: bleed, marks: [], offset: (0, 0))
        case .a4: return grid(sheet, paper: SheetPreset.a4, card: card, bleed: bleed, offset: offset)
        case .letter: return grid(sheet, paper: SheetPreset.letter, card: card, bleed: bleed, offset: offset)
        case .avery5371, .averyC32011:
            let preset = SheetPreset.preset(for: sheet)!
            return SheetLayout(sheet: sheet, page: preset.paper, slots: preset.slots, bleed: 0, marks: [], offset: offset)
        }
    }

    /// The card size a sheet prints, which card-stock presets fix.
    public static func cardSize(for sheet: CardSettings.Sheet, default size: CardSettings.Size) -> CardSettings.Size {
        SheetPreset.preset(for: sheet)?.card ?? size
    }
}

private extension SheetLayout {
    /// As many cards as fit, each with its full bleed (neighbours' bleeds meet), centred, on
    /// whichever orientation holds more; crop marks in the margin extend every cut line.
    static func grid(_ sheet: CardSettings.Sheet, paper: CardSettings.Size, card: CardSettings.Size, bleed: Double, offset: (x: Double, y: Double)) -> SheetLayout {
        let reach = bleed + CropMark.gap + CropMark.length + printerMargin
        func fit(_ page: CardSettings.Size) -> (columns: Int, rows: Int) {
            let columns = Int(((page.width - 2 * reach + 2 * bleed) / (card.width + 2 * bleed)).rounded(.down))
            let rows = Int(((page.height - 2 * reach + 2 * bleed) / (card.height + 2 * bleed)).rounded(.down))
            return (max(1, columns), max(1, rows))
        }
        let portrait = fit(paper)
        let landscapePaper = CardSettings.Size(width: paper.height, height: paper.width)
        let landscape = fit(landscapePaper)
        let useLandscape = landscape.columns * landscape.rows > portrait.columns * portrait.rows
        let page = useLandscape ? landscapePaper : paper
        let (columns, rows) = useLandscape ? landscape : portrait

        let pitchX = card.width + 2 * bleed, pitchY = card.height + 2 * bleed
        let left = (page.width - (Double(columns) * pitchX - 2 * bleed)) / 2
        let top = (page.height - (Double(rows) * pitchY - 2 * bleed)) / 2
        var slots: [PrintRect] = []
        for row in 0..<rows {
            for column in 0..<columns {
                slots.append(PrintRect(x: left + Double(column) * pitchX, y: top + Double(row) * pitchY, width: card.width, height: card.height))
            }
        }
        let right = left + Double(columns) * pitchX - 2 * bleed
        let bottom = top + Double(rows) * pitchY - 2 * bleed
        let near = bleed + CropMark.gap, far = near + CropMark.length
        var marks: [CropMark] = []
        for x in Set(slots.flatMap { [$0.x, $0.maxX] }).sorted() {
            marks.append(CropMark(x1: x, y1: top - far, x2: x, y2: top - near))
            marks.append(CropMark(x1: x, y1: bottom + near, x2: x, y2: bottom + far))
        }
        for y in Set(slots.flatMap { [$0.y, $0.maxY] }).sorted() {
            marks.append(CropMark(x1: left - far, y1: y, x2: left - near, y2: y))
            marks.append(CropMark(x1: right + near, y1: y, x2: right + far, y2: y))
        }
        return SheetLayout(sheet: sheet, page: page, slots: slots, bleed: bleed, marks: marks, offset: offset)
    }
}
