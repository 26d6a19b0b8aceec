/// How a QR code looks: colours, sizes, error correction and an optional centre logo.
public struct QRStyle: Sendable {
    /// Colour of the dark modules.
    public var foreground: RGBColor = .black
    /// Colour of the light modules and the quiet zone.
    public var background: RGBColor = .white
    /// Error-correction level; a logo raises it to `.high` (see `effectiveErrorCorrection`).
    public var errorCorrection: QRErrorCorrection = .medium
    /// Quiet zone around the symbol, in modules.
    public var margin: Int = 4
    /// Pixels per module in a PNG (the SVG's default width and height too).
    public var scale: Int = 8
    /// An image drawn over the centre of the symbol.
    public var logo: QRLogo?
    /// Accepts colours below `minimumContrast`.
    public var allowsLowContrast = false
    /// Accepts a foreground lighter than the background.
    public var allowsInverted = false
    /// Accepts a quiet zone below 4 modules.
    public var allowsNarrowMargin = false

    /// The lowest WCAG contrast ratio accepted by default.
    ///
    /// Measured with `bench/qr/contrast.py`: both decoders read clean images down to about 1.3:1,
    /// but on images degraded like a phone photo of a print (2.5 px a module, blur, a shadow,
    /// noise) zxing-cpp read 12/12 at 7:1 and above, 8–11/12 from 3.5 to 6.3:1 and at most 4/12
    /// below 3.2:1; zbar held to about 3:1. 4.5:1 (the WCAG AA figure users know) refuses the
    /// range where a decoder misses most codes, with a margin; 7:1 or more is safest.
    public static let minimumContrast = 4.5
    /// The quiet zone scanners rely on (ISO/IEC 18004).
    public static let minimumMargin = 4

    public init() {}

    /// The level actually encoded: `.high` whenever a logo covers modules.
    public var effectiveErrorCorrection: QRErrorCorrection {
        logo == nil ? errorCorrection : .high
    }

    /// Throws the first reason this style would make a code that scanners may not read.
    public func validate() throws(QRError) {
        guard scale >= 1 else { throw .invalidScale(scale) }
        guard margin >= Self.minimumMargin || (allowsNarrowMargin && margin >= 0) else {
            throw .marginTooSmall(margin)
        }
        let ratio = foreground.contrastRatio(with: background)
        if !allowsInverted, foreground.relativeLuminance > background.relativeLuminance {
            throw .inverted(foreground: foreground, background: background)
        }
        if !allowsLowContrast, ratio < Self.minimumContrast {
            throw .lowContrast(foreground: foreground, background: background, ratio: ratio,
                               minimum: Self.minimumContrast)
        }
    }
}
