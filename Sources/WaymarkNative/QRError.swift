/// Why a QR code could not be made. `description` is a sentence meant for the user.
public enum QRError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The payload is empty.
    case emptyPayload
    /// The payload does not fit version 40 at this level.
    case payloadTooLong(bytes: Int, level: QRErrorCorrection)
    /// libqrencode failed for another reason (`errno` as text).
    case encoderFailed(String)
    /// A colour was not `#rrggbb` (or `#rgb`).
    case invalidColor(String)
    /// Foreground and background are too close for scanners.
    case lowContrast(foreground: RGBColor, background: RGBColor, ratio: Double, minimum: Double)
    /// Light modules on a dark background: many scanners only read dark-on-light.
    case inverted(foreground: RGBColor, background: RGBColor)
    /// The quiet zone is narrower than the 4 modules scanners rely on.
    case marginTooSmall(Int)
    /// Pixels per module must be at least 1.
    case invalidScale(Int)
    /// The logo (with its border) may clear at most this share of the symbol.
    case logoTooLarge(areaFraction: Double, maximum: Double)
    /// A PNG could not be read or written.
    case png(String)

    public var description: String {
        switch self {
        case .emptyPayload:
            return "the QR payload is empty"
        case let .payloadTooLong(bytes, level):
            return "the QR payload (\(bytes) bytes) does not fit a version 40 symbol at level \(level.rawValue)"
        case let .encoderFailed(reason):
            return "libqrencode failed: \(reason)"
        case let .invalidColor(text):
            return "'\(text)' is not a colour: use #rrggbb"
        case let .lowContrast(foreground, background, ratio, minimum):
            return "contrast between foreground \(foreground) and background \(background) is "
                + "\(Self.format(ratio)):1, below the \(Self.format(minimum)):1 scanners need "
                + "(use darker modules or a lighter background)"
        case let .inverted(foreground, background):
            return "foreground \(foreground) is lighter than background \(background): many scanners cannot "
                + "read light-on-dark codes (swap the colours)"
        case let .marginTooSmall(margin):
            return "a quiet zone of \(margin) modules is too small: scanners need at least 4"
        case let .invalidScale(scale):
            return "\(scale) pixels per module is not a scale: use 1 or more"
        case let .logoTooLarge(fraction, maximum):
            return "a logo clearing \(Self.format(fraction * 100))% of the symbol is too large: "
                + "at most \(Self.format(maximum * 100))% still decodes"
        case let .png(reason):
            return "PNG: \(reason)"
        }
    }

    /// Two decimals, without Foundation's locale-dependent formatting.
    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
