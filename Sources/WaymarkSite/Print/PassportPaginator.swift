import WaymarkNative

/// Breaks passport pages whose text runs past the safe area onto continuation pages (same band,
/// table header repeated), measuring with the same typesetter that draws them.
struct PassportPaginator {
    let geometry: CardGeometry
    let style: CardStyle
    let textLines: Int

    func paginate(_ faces: [CardFace]) throws -> [CardFace] {
        // Text metrics do not depend on the device (hinting is off), so a tiny raster canvas measures.
        let ruler = try PDFPreview(width: 1, height: 1, pixelsPerInch: 72, language: style.language)
        var output: [CardFace] = []
        try ruler.draw { canvas in
            for face in faces { output += try split(face, canvas: canvas) }
        }
        return output
    }
}

private extension PassportPaginator {
    func split(_ face: CardFace, canvas: PDFCanvas) throws -> [CardFace] {
        let modules = try face.codeCaption.flatMap { _ in try face.payload.map { try QRCode(payload: $0, style: style.qr).matrix.size } }
        let first = try CardLayout(geometry: geometry, settings: style.settings, hasBand: face.band != nil, code: modules, quietZone: style.qr.margin)
        let rest = try CardLayout(geometry: geometry, settings: style.settings, hasBand: face.band != nil, code: nil, quietZone: style.qr.margin)
        let setter = CardTypesetter(canvas: canvas, font: style.settings.font, accent: style.accent, scale: 1, textLines: textLines)
        let tableRows = face.flowBlocks.compactMap { block -> [String]? in
            switch block {
            case let .table(cells), let .row(cells): cells
            default: nil
            }
        }
        let columns = tableRows.isEmpty ? nil : CardTypesetter.columns(for: tableRows, width: first.text.width)

        var pages: [[CardBlock]] = [face.blocks.filter { if case .band = $0 { true } else if case .code = $0 { true } else { false } }]
        var used = 0.0
        var limit = first.text.height + CardTypesetter.spacing
        var header: CardBlock?
        for block in face.flowBlocks {
            if case .table = block { header = block }
            let height = setter.set(block, width: first.text.width, columns: columns).height
            if used + height > limit, used > 0 {
                pages.append(face.band.map { [.band($0)] } ?? [])
                used = 0
                limit = rest.text.height + CardTypesetter.spacing
                if case .row = block, let header {
                    pages[pages.count - 1].append(header)
                    used += setter.set(header, width: first.text.width, columns: columns).height
                }
            }
            pages[pages.count - 1].append(block)
            used += height
        }
        return pages.map { CardFace(kind: face.kind, blocks: $0, token: face.token, payload: face.payload) }
    }
}
