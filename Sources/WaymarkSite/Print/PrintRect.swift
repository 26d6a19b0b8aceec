import WaymarkNative

/// A rectangle in millimetres, origin at the top-left, `y` growing downwards: the unit every
/// print layout is worked out in, converted to points only when drawn.
public struct PrintRect: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }

    /// Shrunk by `amount` on every side (grown when negative).
    public func inset(by amount: Double) -> PrintRect {
        PrintRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    public func offsetBy(dx: Double, dy: Double) -> PrintRect {
        PrintRect(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// Whether `other` lies wholly inside (edges may touch); a small tolerance absorbs rounding.
    public func contains(_ other: PrintRect) -> Bool {
        let e = 1e-9
        return other.x >= x - e && other.y >= y - e && other.maxX <= maxX + e && other.maxY <= maxY + e
    }

    /// Whether the two overlap by more than an edge.
    public func intersects(_ other: PrintRect) -> Bool {
        let e = 1e-9
        return other.x < maxX - e && x < other.maxX - e && other.y < maxY - e && y < other.maxY - e
    }

    /// The same rectangle in PostScript points.
    var points: PDFRect {
        PDFRect(x: Self.points(x), y: Self.points(y), width: Self.points(width), height: Self.points(height))
    }

    static func points(_ millimetres: Double) -> Double { QRVectorPath.points(millimetres: millimetres) }
}
