import WaymarkNative

/// Shapes a face's text blocks for a column width, so they can be measured (to fit or to break
/// pages) and then drawn. Sizes are in points, positions in millimetres.
struct CardTypesetter {
    let canvas: PDFCanvas
    let font: String
    let accent: RGBColor
    /// 1 is the design size; smaller to fit a crowded card.
    let scale: Double
    /// How many lines running text may take (a card has room for a few, a passport for many).
    let textLines: Int

    static let grey = RGBColor(red: 0x55, green: 0x55, blue: 0x55)
    /// Space after each block, in millimetres.
    static let spacing = 1.2

    /// A block shaped and measured; `draw` sets it with its top-left corner at (x, y) mm.
    struct Set {
        let height: Double
        let draw: (Double, Double) -> Void
    }

    func set(_ block: CardBlock, width: Double, columns: [Double]? = nil) -> Set {
        switch block {
        case let .title(text): return paragraph(text, size: 12, bold: true, lines: 2, width: width)
        case let .subtitle(text): return paragraph(text, size: 8, colour: Self.grey, lines: 1, width: width)
        case let .heading(text): return paragraph(text, size: 9, bold: true, colour: accent, lines: 1, width: width)
        case let .strong(text): return paragraph(text, size: 10, bold: true, lines: 2, width: width)
        case let .text(text): return paragraph(text, size: 8.5, lines: textLines, width: width)
        case let .small(text): return paragraph(text, size: 7, colour: Self.grey, lines: 3, width: width)
        case let .field(label, value):
            let labelWidth = min(24, width * 0.32)
            let l = layout(label, size: 7, colour: Self.grey, width: labelWidth - 1, lines: 1)
            let v = layout(value, size: 8.5, width: width - labelWidth, lines: 3)
            let height = max(mm(l.size.height), mm(v.size.height))
            return Set(height: height + Self.spacing * 0.6) { x, y in
                canvas.draw(l, x: pt(x), y: pt(y + 0.4))
                canvas.draw(v, x: pt(x + labelWidth), y: pt(y))
            }
        case let .table(cells), let .row(cells):
            let header = if case .table = block { true } else { false }
            let widths = columns ?? Array(repeating: width / Double(max(1, cells.count)), count: cells.count)
            let layouts = zip(cells, widths).map { layout($0, size: header ? 7 : 7.5, bold: header, colour: header ? Self.grey : .black, width: $1 - 1.5, lines: 3) }
            let height = layouts.map { mm($0.size.height) }.max() ?? 0
            return Set(height: height + (header ? 1.6 : 1.2)) { x, y in
                var left = x
                for (cell, w) in zip(layouts, widths) {
                    canvas.draw(cell, x: pt(left), y: pt(y))
                    left += w
                }
                let rule = y + height + (header ? 0.6 : 0.5)
                canvas.line(from: (pt(x), pt(rule)), to: (pt(x + width), pt(rule)), width: header ? 0.6 : 0.25, colour: header ? .black : RGBColor(red: 0xbb, green: 0xbb, blue: 0xbb))
            }
        case let .band(text): return paragraph(text, size: 8, bold: true, colour: .white, lines: 1, width: width)
        case let .code(caption): return paragraph(caption, size: 7, lines: 1, width: width, alignment: .center)
        }
    }

    /// Column widths for a table: by the longest text in each column, within limits.
    static func columns(for rows: [[String]], width: Double) -> [Double] {
        let count = rows.map(\.count).max() ?? 1
        // By characters, not measured widths: close enough for table cells, and a column is never
        // narrower than its longest word (a date must not break in the middle).
        let weights = (0..<count).map { column in
            let cells = rows.map { column < $0.count ? $0[column] : "" }
            let longest = Double(cells.map { $0.count }.max() ?? 0)
            let word = Double(cells.flatMap { $0.split(separator: " ").map(\.count) }.max() ?? 0)
            return max(6, word * 1.5, min(28, longest))
        }
        let total = weights.reduce(0, +)
        return weights.map { width * $0 / total }
    }
}

private extension CardTypesetter {
    func paragraph(_ text: String, size: Double, bold: Bool = false, colour: RGBColor = .black, lines: Int, width: Double, alignment: TextStyle.Alignment = .left) -> Set {
        let shaped = layout(text, size: size, bold: bold, colour: colour, width: width, lines: lines, alignment: alignment)
        return Set(height: mm(shaped.size.height) + Self.spacing) { x, y in canvas.draw(shaped, x: pt(x), y: pt(y)) }
    }

    func layout(_ text: String, size: Double, bold: Bool = false, colour: RGBColor = .black, width: Double, lines: Int, alignment: TextStyle.Alignment = .left) -> TextLayout {
        let style = TextStyle(family: font, size: size * scale, bold: bold, colour: colour, alignment: alignment)
        return canvas.layout(text, style: style, width: pt(max(1, width)), maxLines: lines)
    }

    func pt(_ millimetres: Double) -> Double { PrintRect.points(millimetres) }
    func mm(_ points: Double) -> Double { points * 25.4 / 72 }
}
