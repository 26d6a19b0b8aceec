/// Why a PDF, or its preview, could not be made.
public enum PDFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// cairo reported a status other than success (its own words).
    case cairo(String)
    /// fontconfig could not load the system configuration plus Waymark's rules.
    case fontconfig
    /// A page or image size that cannot be drawn (zero, negative, or too many pixels).
    case invalidSize(String)
    /// The finished PDF did not have the structure the page-box step expects.
    case unexpectedStructure(String)
    /// The preview could not be encoded.
    case png(String)

    public var description: String {
        switch self {
        case let .cairo(message): "cairo: \(message)"
        case .fontconfig: "fontconfig could not load its configuration"
        case let .invalidSize(message): "invalid size: \(message)"
        case let .unexpectedStructure(message): "unexpected PDF structure: \(message)"
        case let .png(message): "PNG preview: \(message)"
        }
    }
}
