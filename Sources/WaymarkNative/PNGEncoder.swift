internal import CPNG

/// Writes a `PNGRaster` as PNG file bytes, through libpng, in memory.
///
/// The encode runs inside `waymark_png_encode` in the CPNG shim: libpng reports errors by
/// longjmp, which must land in a C frame, so Swift only sees a status code and a message.
public struct PNGEncoder: Sendable {
    /// zlib level 0…9; 6 (zlib's default) is a fair size/speed trade for two-colour images.
    public var compressionLevel: Int
    /// The image is flat rectangles whose rows repeat, like a QR code: deflate then looks only a
    /// few rows back, with a small window and hash. For a QR code at level 4 that is three times
    /// faster than zlib's defaults at level 6, and the file is no larger; a photo would grow.
    public var flatBlocks: Bool

    public init(compressionLevel: Int = 6, flatBlocks: Bool = false) {
        self.compressionLevel = compressionLevel
        self.flatBlocks = flatBlocks
    }

    /// The PNG file for `raster`.
    public func encode(_ raster: PNGRaster) throws(PNGError) -> [UInt8] {
        guard raster.width > 0, raster.height > 0, raster.bytes.count == raster.rowBytes * raster.height else {
            throw .invalidRaster("\(raster.width)×\(raster.height) pixels need \(raster.rowBytes * raster.height) bytes, got \(raster.bytes.count)")
        }
        let (bitDepth, colorType, palette) = Self.header(raster.format)
        var output: UnsafeMutablePointer<UInt8>?
        var count = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = raster.bytes.withUnsafeBufferPointer { rows in
            palette.withUnsafeBufferPointer { palette in
                waymark_png_encode(rows.baseAddress, raster.rowBytes, UInt32(raster.width), UInt32(raster.height),
                                   Int32(bitDepth), colorType, palette.baseAddress, Int32(palette.count / 3),
                                   Int32(compressionLevel), flatBlocks ? 1 : 0, &output, &count, &message, message.count)
            }
        }
        defer { waymark_png_free(output) }
        switch Int(status) {
        case WAYMARK_PNG_OK:
            guard let output else { throw .outOfMemory }
            return Array(UnsafeBufferPointer(start: output, count: count))
        case WAYMARK_PNG_ERROR_MEMORY:
            throw .outOfMemory
        case WAYMARK_PNG_ERROR_ARGUMENT:
            throw .invalidRaster("rejected by the encoder")
        default:
            throw .libpng(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }
}

private extension PNGEncoder {
    /// Bit depth, libpng colour type and flat RGB palette for a format.
    static func header(_ format: PNGRaster.Format) -> (Int, Int32, [UInt8]) {
        switch format {
        case .grayscale1:
            return (1, PNG_COLOR_TYPE_GRAY, [])
        case let .indexed(palette, bitDepth):
            return (bitDepth, PNG_COLOR_TYPE_PALETTE, palette.flatMap { [$0.red, $0.green, $0.blue] })
        case .rgb8:
            return (8, PNG_COLOR_TYPE_RGB, [])
        }
    }
}
