internal import CPangoCairo

/// A paragraph shaped by Pango (HarfBuzz shaping, bidi, font fallback), ready to be measured
/// and drawn on the canvas it was made for.
///
/// Made by `PDFCanvas.layout(_:style:width:maxLines:)`; the Pango layout is freed in `deinit`.
public final class TextLayout {
    let pointer: OpaquePointer
    /// Kept so the colour is known when drawing.
    let style: TextStyle

    init(pointer: OpaquePointer, style: TextStyle) {
        self.pointer = pointer
        self.style = style
    }

    deinit { waymark_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// The width and height of the laid-out text in points (the logical extents: line height
    /// included, so stacked layouts do not touch).
    public var size: (width: Double, height: Double) {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, &ink, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    /// Lines after wrapping (and after cutting to `maxLines`).
    public var lineCount: Int { Int(pango_layout_get_line_count(pointer)) }

    /// Whether text was cut and ended with "…" to fit.
    public var isEllipsized: Bool { pango_layout_is_ellipsized(pointer) != 0 }

    /// The family names of the fonts Pango chose, one per run (for tests of fallback).
    public var fontFamilies: [String] {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = waymark_layout_font_files(pointer, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(separator: "\n").map(String.init)
    }
}
