/// Uncompressed rows ready for `PNGEncoder`, packed as the PNG format stores them.
public struct PNGRaster: Sendable {
    /// How each pixel is stored.
    public enum Format: Equatable, Sendable {
        /// One bit a pixel, most significant bit first; 0 is black, 1 is white.
        case grayscale1
        /// Palette indices of `bitDepth` (1, 2, 4 or 8) bits, most significant first.
        case indexed(palette: [RGBColor], bitDepth: Int)
        /// Three bytes a pixel: red, green, blue.
        case rgb8

        var bitsPerPixel: Int {
            switch self {
            case .grayscale1: 1
            case let .indexed(_, bitDepth): bitDepth
            case .rgb8: 24
            }
        }
    }

    public let width: Int
    public let height: Int
    public let format: Format
    /// `height` rows of `rowBytes` bytes each.
    public var bytes: [UInt8]

    /// Bytes in one row: whole bytes, so a row of 1-bit pixels ends padded.
    public var rowBytes: Int { Self.rowBytes(width: width, format: format) }

    public init(width: Int, height: Int, format: Format, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.format = format
        self.bytes = bytes
    }

    public static func rowBytes(width: Int, format: Format) -> Int {
        (width * format.bitsPerPixel + 7) / 8
    }
}
