import WaymarkCore
import WaymarkNative

/// Faces imposed on a sheet: what one PDF (with its PNG preview and HTML twin) holds.
struct CardSheet {
    /// File name without extension, e.g. `stops-foxglove-wood-family-trail-a4`.
    let name: String
    let title: String
    let kind: CardKind
    let faces: [CardFace]
    let layout: SheetLayout
    let geometry: CardGeometry
    let style: CardStyle

    /// Each face with its layout and code, checked before anything is drawn.
    struct Placed {
        let face: CardFace
        let layout: CardLayout
        let code: QRCode?
    }

    /// Lays out every face; throws the first face that does not fit its card.
    func placed() throws(LayoutProblem) -> [Placed] {
        try faces.map { face throws(LayoutProblem) in
            let code: QRCode?
            if face.codeCaption != nil, let payload = face.payload {
                do { code = try QRCode(payload: payload, style: style.qr) } catch { throw LayoutProblem("cannot make the code for \(face.token?.rawValue ?? payload): \(error)") }
            } else {
                code = nil
            }
            let layout = try CardLayout(geometry: geometry, settings: style.settings, hasBand: face.band != nil,
                                        code: code?.matrix.size, quietZone: style.qr.margin)
            return Placed(face: face, layout: layout, code: code)
        }
    }

    /// Face indices for each page, filling the slots in reading order.
    var pages: [Range<Int>] {
        let perPage = max(1, layout.slots.count)
        return stride(from: 0, to: faces.count, by: perPage).map { $0..<min($0 + perPage, faces.count) }
    }

    /// Lines a block of running text may take: a passport page has room for a long health note.
    var textLines: Int { kind == .passport ? 24 : 4 }

    /// Draws page `index` of the sheet on `canvas`.
    func draw(page index: Int, placed: [Placed], on canvas: PDFCanvas) {
        let offset = layout.offset
        let clip = geometry.trim.inset(by: -layout.bleed).points
        for (slot, faceIndex) in zip(layout.slots, pages[index]) {
            let item = placed[faceIndex]
            canvas.withTransform(dx: PrintRect.points(slot.x + offset.x), dy: PrintRect.points(slot.y + offset.y), clip: clip) {
                CardPainter(face: item.face, layout: item.layout, code: item.code, font: style.settings.font, accent: style.accent)
                    .draw(on: canvas, textLines: textLines)
            }
        }
        canvas.withTransform(dx: PrintRect.points(offset.x), dy: PrintRect.points(offset.y)) {
            for mark in layout.marks {
                canvas.line(from: (PrintRect.points(mark.x1), PrintRect.points(mark.y1)), to: (PrintRect.points(mark.x2), PrintRect.points(mark.y2)),
                            width: CropMark.width, colour: .black)
            }
        }
    }
}

/// What every sheet of a site shares: card settings, colours, the QR style, language and date.
struct CardStyle {
    let settings: CardSettings
    let accent: RGBColor
    let qr: QRStyle
    let language: String
    /// PDF creation date (seconds since 1970): SOURCE_DATE_EPOCH, or a fixed date.
    let date: Int
}
