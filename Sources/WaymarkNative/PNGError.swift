/// Why libpng could not read or write an image.
public enum PNGError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The raster's size, format or byte count do not agree.
    case invalidRaster(String)
    /// malloc failed inside the encoder.
    case outOfMemory
    /// libpng's own message, e.g. "Not a PNG file".
    case libpng(String)

    public var description: String {
        switch self {
        case let .invalidRaster(reason): return "invalid image: \(reason)"
        case .outOfMemory: return "out of memory"
        case let .libpng(message): return message
        }
    }
}
