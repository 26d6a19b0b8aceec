/// Paper sizes and the pre-cut card stock Waymark knows, in millimetres.
struct SheetPreset: Sendable {
    let paper: CardSettings.Size
    let card: CardSettings.Size
    /// Distance from the paper's left and top edges to the first card.
    let left: Double
    let top: Double
    /// Distance from one card's left (top) edge to the next one's.
    let pitchX: Double
    let pitchY: Double
    let columns: Int
    let rows: Int

    static let a4 = CardSettings.Size(width: 210, height: 297)
    static let letter = CardSettings.Size(width: 215.9, height: 279.4)

    /// Avery 5371: US Letter, 2 × 5 business cards of 3.5 × 2 in, 3/4 in side and 1/2 in top margins.
    static let avery5371 = SheetPreset(paper: letter, card: CardSettings.Size(width: 88.9, height: 50.8),
                                       left: 19.05, top: 12.7, pitchX: 88.9, pitchY: 50.8, columns: 2, rows: 5)
    /// Avery C32011: A4, 2 × 5 cards of 85 × 54 mm, 15 mm side and 13.5 mm top margins, 10 mm between columns.
    static let averyC32011 = SheetPreset(paper: a4, card: CardSettings.Size(width: 85, height: 54),
                                         left: 15, top: 13.5, pitchX: 95, pitchY: 54, columns: 2, rows: 5)

    static func preset(for sheet: CardSettings.Sheet) -> SheetPreset? {
        switch sheet {
        case .avery5371: avery5371
        case .averyC32011: averyC32011
        default: nil
        }
    }

    var slots: [PrintRect] {
        (0..<rows).flatMap { row in
            (0..<columns).map { column in
                PrintRect(x: left + Double(column) * pitchX, y: top + Double(row) * pitchY, width: card.width, height: card.height)
            }
        }
    }
}
