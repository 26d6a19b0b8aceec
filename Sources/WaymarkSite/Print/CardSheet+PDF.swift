import WaymarkNative

extension CardSheet {
    /// The sheet as a PDF: vector codes, embedded subset fonts, fixed dates; single-card pages
    /// carry TrimBox and BleedBox.
    func pdf(_ placed: [Placed]) throws -> [UInt8] {
        let document = try PDFDocument(metadata: PDFMetadata(title: title, date: style.date), language: style.language)
        let page = layout.page
        let boxes = layout.hasBoxes ? layout.slots.first.map { trim in
            PDFPageBoxes(trim: trim.points, bleed: trim.inset(by: -layout.bleed).points)
        } : nil
        for index in pages.indices {
            try document.page(width: PrintRect.points(page.width), height: PrintRect.points(page.height), boxes: boxes) { canvas in
                draw(page: index, placed: placed, on: canvas)
            }
        }
        return try document.finish()
    }

    /// The first page drawn into a PNG, by the same code, with no external tool.
    func preview(_ placed: [Placed], pixelsPerInch: Double = 100) throws -> [UInt8] {
        let page = layout.page
        let preview = try PDFPreview(width: PrintRect.points(page.width), height: PrintRect.points(page.height),
                                     pixelsPerInch: pixelsPerInch, language: style.language)
        try preview.draw { canvas in draw(page: 0, placed: placed, on: canvas) }
        return try preview.png()
    }
}
