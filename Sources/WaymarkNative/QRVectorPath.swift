/// The dark modules of a code as rectangles (each a merged horizontal run), in module units,
/// with the quiet zone included: the origin is the top-left corner of the quiet zone.
///
/// The print code scales it into the square the code should fill and draws the rectangles
/// (and the logo in `logo`) in one fill; PDF `y` grows upwards, so flip when drawing.
public struct QRVectorPath: Equatable, Sendable {
    /// Modules per side, quiet zone included.
    public let side: Int
    /// One rectangle per dark run, one module high.
    public let rectangles: [QRRectangle]
    /// Where the logo goes (without its cleared border), if the code has one.
    public let logo: QRRectangle?

    init(_ code: QRCode) {
        let margin = Double(code.style.margin)
        side = code.sideInModules
        rectangles = code.matrix.darkRuns().map {
            QRRectangle(x: Double($0.x) + margin, y: Double($0.y) + margin, width: Double($0.length), height: 1)
        }
        logo = code.logoBox.map {
            QRRectangle(x: Double($0.x) + margin, y: Double($0.y) + margin, width: Double($0.side), height: Double($0.side))
        }
    }

    private init(side: Int, rectangles: [QRRectangle], logo: QRRectangle?) {
        self.side = side
        self.rectangles = rectangles
        self.logo = logo
    }

    /// The same path scaled into a square of `length` units whose top-left corner is at
    /// (`x`, `y`); units are whatever the caller uses (points, millimetres).
    public func scaled(toSquareOfSide length: Double, x: Double = 0, y: Double = 0) -> QRVectorPath {
        let unit = length / Double(side)
        func place(_ r: QRRectangle) -> QRRectangle {
            QRRectangle(x: x + r.x * unit, y: y + r.y * unit, width: r.width * unit, height: r.height * unit)
        }
        return QRVectorPath(side: side, rectangles: rectangles.map(place), logo: logo.map(place))
    }

    /// Millimetres in PostScript points (1 pt = 1/72 in), for `scaled(toSquareOfSide:)`.
    public static func points(millimetres: Double) -> Double {
        millimetres * 72 / 25.4
    }
}
