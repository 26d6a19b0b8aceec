internal import CPangoCairo

/// A page drawn into pixels instead of a PDF, with the same drawing code: the PNG previews
/// beside each sheet, made without any external tool.
public final class PDFPreview {
    private let surface: OpaquePointer
    private let canvas: PDFCanvas
    public let pixelWidth: Int
    public let pixelHeight: Int

    /// A white page of `width` × `height` points rendered at `pixelsPerInch`.
    public init(width: Double, height: Double, pixelsPerInch: Double, language: String) throws(PDFError) {
        let scale = pixelsPerInch / 72
        pixelWidth = Int((width * scale).rounded(.up))
        pixelHeight = Int((height * scale).rounded(.up))
        guard pixelWidth > 0, pixelHeight > 0, pixelWidth * pixelHeight <= 100_000_000 else {
            throw .invalidSize("preview of \(pixelWidth) × \(pixelHeight) px")
        }
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
        do {
            canvas = try PDFCanvas(surface: surface, language: language)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        canvas.fill(PDFRect(x: 0, y: 0, width: Double(pixelWidth), height: Double(pixelHeight)), colour: .white)
        cairo_scale(canvas.context, scale, scale)
    }

    deinit { cairo_surface_destroy(surface) }

    /// Draws on the page (in points, like a PDF page).
    public func draw(_ body: (PDFCanvas) throws -> Void) throws {
        try body(canvas)
        try canvas.check()
    }

    /// The pixels as an RGB PNG file.
    public func png() throws(PDFError) -> [UInt8] {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw .cairo("no image data") }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var rgb = [UInt8](repeating: 0, count: pixelWidth * pixelHeight * 3)
        // RGB24 keeps each pixel in a native-endian 32-bit word: 0x00RRGGBB.
        data.withMemoryRebound(to: UInt8.self, capacity: stride * pixelHeight) { bytes in
            for y in 0..<pixelHeight {
                let row = UnsafeRawPointer(bytes + y * stride)
                for x in 0..<pixelWidth {
                    let word = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                    let out = (y * pixelWidth + x) * 3
                    rgb[out] = UInt8(word >> 16 & 0xFF)
                    rgb[out + 1] = UInt8(word >> 8 & 0xFF)
                    rgb[out + 2] = UInt8(word & 0xFF)
                }
            }
        }
        do {
            return try PNGEncoder().encode(PNGRaster(width: pixelWidth, height: pixelHeight, format: .rgb8, bytes: rgb))
        } catch {
            throw .png(error.description)
        }
    }
}
