import WaymarkNative

extension CardSheet {
    /// The sheet as one HTML page per paper sheet, for printing from a browser: `@page` fixes the
    /// paper size, every card and code sits at the same millimetre position as in the PDF (codes
    /// as inline SVG), and text is set by the browser in the same areas.
    func html(_ placed: [Placed], templates: TemplateSet) -> String {
        let offset = layout.offset
        let bleed = layout.bleed
        let pages: [[String: Any]] = pages.indices.map { index in
            let cards: [[String: Any]] = zip(layout.slots, self.pages[index]).map { slot, faceIndex in
                let item = placed[faceIndex]
                // Card coordinates start at the trim corner; the card's box starts at its bleed.
                func box(_ r: PrintRect) -> [String: String] {
                    ["left": n(r.x + bleed), "top": n(r.y + bleed), "width": n(r.width), "height": n(r.height)]
                }
                var card: [String: Any] = [
                    "left": n(slot.x - bleed + offset.x), "top": n(slot.y - bleed + offset.y),
                    "width": n(slot.width + 2 * bleed), "height": n(slot.height + 2 * bleed),
                    "text": box(item.layout.text),
                    "blocks": item.face.flowBlocks.map(Self.htmlBlock),
                ]
                if let band = item.layout.band {
                    // Drawn from the card's bleed edge; the card box clips what this sheet does not bleed.
                    card["band"] = box(band)
                        .merging(["colour": style.accent.description, "text": item.face.band ?? ""]) { a, _ in a }
                    card["band_text"] = item.layout.bandText.map(box)
                }
                if let code = item.code, let square = item.layout.code {
                    let size = "\(n(square.width))mm"
                    card["code"] = box(square).merging(["svg": code.svg(width: size, height: size)]) { a, _ in a }
                    card["caption"] = item.layout.caption.map(box)?.merging(["text": item.face.codeCaption ?? ""]) { a, _ in a }
                }
                return card
            }
            let marks = layout.marks.map { ["x1": n($0.x1 + offset.x), "y1": n($0.y1 + offset.y), "x2": n($0.x2 + offset.x), "y2": n($0.y2 + offset.y)] }
            return ["cards": cards, "marks": marks, "has_marks": !marks.isEmpty]
        }
        return templates.render("print-sheet", [
            "title": title, "lang": style.language, "font": style.settings.font,
            "page_width": n(layout.page.width), "page_height": n(layout.page.height),
            "pages": pages,
        ])
    }
}

private extension CardSheet {
    static func htmlBlock(_ block: CardBlock) -> [String: Any] {
        switch block {
        case let .title(text): ["role": "title", "text": text]
        case let .subtitle(text): ["role": "subtitle", "text": text]
        case let .heading(text): ["role": "heading", "text": text]
        case let .strong(text): ["role": "strong", "text": text]
        case let .text(text): ["role": "text", "text": text]
        case let .small(text): ["role": "small", "text": text]
        case let .field(label, value): ["role": "field", "label": label, "value": value, "is_field": true]
        case let .table(cells): ["role": "table", "cells": cells, "is_row": true]
        case let .row(cells): ["role": "row", "cells": cells, "is_row": true]
        case let .band(text), let .code(text): ["role": "text", "text": text]
        }
    }

    /// Millimetres with up to three decimals, stable across runs.
    func n(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
