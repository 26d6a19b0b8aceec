/// A payload encoded and styled: what the site builder, the print code and `waymark qr` draw.
///
/// ```swift
/// var style = QRStyle()
/// style.foreground = RGBColor(hex: "#1b2a4a")!
/// let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style)
/// let svg = code.svg()            // String
/// let png = try code.png()        // [UInt8]
/// let path = code.vectorPath      // rectangles for the PDF
/// ```
public struct QRCode: Sendable {
    /// The encoded text, exactly as a decoder returns it.
    public let payload: String
    /// The validated style.
    public let style: QRStyle
    /// The symbol, with the modules under the logo (if any) cleared.
    public let matrix: QRMatrix
    /// Where the logo is drawn, in symbol modules (quiet zone excluded).
    public let logoBox: QRModuleBox?

    /// Validates `style`, then encodes `payload` in the smallest version that fits.
    public init(payload: String, style: QRStyle = QRStyle()) throws(QRError) {
        try style.validate()
        var matrix = try QRMatrix(encoding: payload, errorCorrection: style.effectiveErrorCorrection)
        if let logo = style.logo {
            let box = logo.box(inSymbolOfSize: matrix.size)
            // The border keeps the logo's edge from touching dark modules, which blurs into
            // them once printed and scanned.
            matrix.clear(box.inset(by: 1))
            logoBox = box
        } else {
            logoBox = nil
        }
        self.payload = payload
        self.style = style
        self.matrix = matrix
    }

    /// Modules per side including the quiet zone on both sides.
    public var sideInModules: Int { matrix.size + 2 * style.margin }

    /// An SVG document; see `QRSVGRenderer` for `width` and `height`.
    public func svg(width: String? = nil, height: String? = nil) -> String {
        QRSVGRenderer(width: width, height: height).render(self)
    }

    /// The same SVG document as UTF-8 bytes, ready to write.
    public func svgBytes(width: String? = nil, height: String? = nil) -> [UInt8] {
        QRSVGRenderer(width: width, height: height).renderBytes(self)
    }

    /// A PNG file at `style.scale` pixels per module.
    public func png() throws(QRError) -> [UInt8] {
        try QRPNGRenderer().render(self)
    }

    /// The dark modules as merged rectangles, for vector output such as PDF.
    public var vectorPath: QRVectorPath { QRVectorPath(self) }
}
