internal import CPangoCairo

/// Draws on one page: rectangles, lines and shaped text, in points with the origin at the
/// top-left corner and `y` growing downwards.
///
/// The same drawing code paints a PDF page (`PDFDocument`) or a raster preview (`PDFPreview`);
/// the canvas owns the cairo context and the Pango context and frees both in `deinit`.
public final class PDFCanvas {
    let context: OpaquePointer
    private let pango: OpaquePointer
    private let fontMap: PDFFontMap

    /// Wraps a cairo surface the caller owns; `language` is a BCP 47 tag that picks, among other
    /// things, which regional form of Han characters the fallback font draws.
    init(surface: OpaquePointer, language: String) throws(PDFError) {
        fontMap = try PDFFontMap.borrow()
        context = cairo_create(surface)
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            fontMap.giveBack()
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
        pango = waymark_context_new(fontMap.pointer, language)
    }

    deinit {
        waymark_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(context)
        fontMap.giveBack()
    }

    /// cairo's sticky error status: once a drawing call fails, every later one is a no-op.
    func check() throws(PDFError) {
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
    }

    // MARK: Shapes

    /// Fills one rectangle.
    public func fill(_ rect: PDFRect, colour: RGBColor) {
        fill([rect], colour: colour)
    }

    /// Fills many rectangles as one path in one operation: a QR code is one fill, so renderers
    /// never show hairline seams between adjacent modules.
    public func fill(_ rects: [PDFRect], colour: RGBColor) {
        guard !rects.isEmpty else { return }
        setColour(colour)
        cairo_new_path(context)
        for rect in rects { cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height) }
        cairo_fill(context)
    }

    /// A straight line of `width` points with square ends.
    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double, colour: RGBColor) {
        setColour(colour)
        cairo_new_path(context)
        cairo_set_line_width(context, width)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
    }

    /// The outline of a rectangle, the line centred on its edges.
    public func stroke(_ rect: PDFRect, width: Double, colour: RGBColor) {
        setColour(colour)
        cairo_new_path(context)
        cairo_set_line_width(context, width)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    /// Draws an RGBA image (straight alpha, row by row) scaled into `rect`.
    public func drawImage(rgba: [UInt8], width: Int, height: Int, in rect: PDFRect) {
        guard width > 0, height > 0, rgba.count == width * height * 4 else { return }
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else { return }
        let stride = Int(cairo_image_surface_get_stride(image))
        // cairo wants premultiplied alpha in native-endian 32-bit words.
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                let a = UInt32(rgba[i + 3])
                func premultiplied(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                let word = a << 24 | premultiplied(rgba[i]) << 16 | premultiplied(rgba[i + 1]) << 8 | premultiplied(rgba[i + 2])
                UnsafeMutableRawPointer(data + y * stride).storeBytes(of: word, toByteOffset: x * 4, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(context)
        defer { cairo_restore(context) }
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
    }

    // MARK: State

    /// Runs `draw` with the origin moved by (`dx`, `dy`) and drawing clipped to `clip` (in the
    /// moved coordinates), then restores both.
    public func withTransform<T>(dx: Double, dy: Double, clip: PDFRect? = nil, _ draw: () throws -> T) rethrows -> T {
        cairo_save(context)
        defer { cairo_restore(context) }
        cairo_translate(context, dx, dy)
        if let clip {
            cairo_new_path(context)
            cairo_rectangle(context, clip.x, clip.y, clip.width, clip.height)
            cairo_clip(context)
        }
        return try draw()
    }

    // MARK: Text

    /// Shapes `text` in `style`, wrapped at `width` points (no wrapping when nil). With
    /// `maxLines`, the text is cut after that many lines and ends with "…".
    public func layout(_ text: String, style: TextStyle, width: Double?, maxLines: Int? = nil) -> TextLayout {
        let layout = pango_layout_new(pango)!
        let description = pango_font_description_new()
        pango_font_description_set_family(description, style.family)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        if let width {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        if let maxLines {
            // A negative height is a line count: Pango ellipsizes the last line that fits.
            pango_layout_set_height(layout, -Int32(max(1, maxLines)))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        text.withCString { pango_layout_set_text(layout, $0, -1) }
        return TextLayout(pointer: layout, style: style)
    }

    /// Draws a layout with its top-left corner at (`x`, `y`).
    public func draw(_ layout: TextLayout, x: Double, y: Double) {
        setColour(layout.style.colour)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, layout.pointer)
    }
}

private extension PDFCanvas {
    func setColour(_ colour: RGBColor) {
        cairo_set_source_rgb(context, Double(colour.red) / 255, Double(colour.green) / 255, Double(colour.blue) / 255)
    }
}
