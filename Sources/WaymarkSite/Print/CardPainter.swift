import WaymarkNative

/// Draws one face on a canvas whose origin is the face's trim corner: the band, the text blocks
/// (made smaller, then cut, until they fit the text area) and the code as vector rectangles.
struct CardPainter {
    let face: CardFace
    let layout: CardLayout
    let code: QRCode?
    let font: String
    let accent: RGBColor

    /// Text sizes tried in turn until every block fits its area.
    static let scales = [1.0, 0.92, 0.85, 0.78, 0.7]

    func draw(on canvas: PDFCanvas, textLines: Int = 4) {
        if let band = layout.band {
            canvas.fill(band.points, colour: accent)
            if let text = face.band, let area = layout.bandText {
                let set = typesetter(canvas, scale: 1, lines: 1).set(.band(text), width: area.width)
                set.draw(area.x, area.y + max(0, (area.height - set.height + CardTypesetter.spacing) / 2))
            }
        }
        drawBlocks(on: canvas, textLines: textLines)
        if let code, let square = layout.code {
            canvas.fill(square.points, colour: code.style.background)
            let path = code.vectorPath.scaled(toSquareOfSide: square.points.width, x: square.points.x, y: square.points.y)
            canvas.fill(path.rectangles.map { PDFRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }, colour: code.style.foreground)
            if let logo = path.logo, let image = code.style.logo?.image {
                canvas.drawImage(rgba: image.rgba, width: image.width, height: image.height,
                                 in: PDFRect(x: logo.x, y: logo.y, width: logo.width, height: logo.height))
            }
            if let caption = face.codeCaption, let area = layout.caption {
                drawCaption(caption, in: area, under: square, on: canvas)
            }
        }
    }
}

private extension CardPainter {
    /// Centred under the code when it fits there, else right-aligned with the code's edge across
    /// the caption row, made smaller (down to 5 pt) before it is ever cut.
    func drawCaption(_ caption: String, in area: PrintRect, under code: PrintRect, on canvas: PDFCanvas) {
        for size in [7.0, 6.5, 6, 5.5, 5] {
            let style = TextStyle(family: font, size: size, alignment: .center)
            let line = canvas.layout(caption, style: style, width: nil)
            let width = line.size.width * 25.4 / 72
            if width <= code.width || size == 5 {
                let left = width <= code.width ? code.midX - width / 2 : max(area.x, code.maxX - width)
                let fitted = canvas.layout(caption, style: style, width: PrintRect.points(min(width, code.maxX - left)) + 0.5, maxLines: 1)
                canvas.draw(fitted, x: PrintRect.points(left), y: PrintRect.points(area.y + 0.3))
                return
            }
            if width <= area.width {
                canvas.draw(line, x: PrintRect.points(code.maxX - width), y: PrintRect.points(area.y + 0.3))
                return
            }
        }
    }

    func typesetter(_ canvas: PDFCanvas, scale: Double, lines: Int) -> CardTypesetter {
        CardTypesetter(canvas: canvas, font: font, accent: accent, scale: scale, textLines: lines)
    }

    /// Sets the flow blocks from the top of the text area; blocks that still do not fit at the
    /// smallest size are left out rather than drawn across the safe area.
    func drawBlocks(on canvas: PDFCanvas, textLines: Int) {
        let area = layout.text
        let blocks = face.flowBlocks
        let table = blocks.compactMap { block -> [String]? in
            switch block {
            case let .table(cells), let .row(cells): cells
            default: nil
            }
        }
        let columns = table.isEmpty ? nil : CardTypesetter.columns(for: table, width: area.width)
        var sets: [CardTypesetter.Set] = []
        for scale in Self.scales {
            let setter = typesetter(canvas, scale: scale, lines: textLines)
            sets = blocks.map { setter.set($0, width: area.width, columns: columns) }
            if sets.reduce(0, { $0 + $1.height }) <= area.height + CardTypesetter.spacing { break }
        }
        var y = area.y
        for set in sets {
            guard y + set.height - CardTypesetter.spacing <= area.maxY + 0.01 else { break }
            set.draw(area.x, y)
            y += set.height
        }
    }
}
