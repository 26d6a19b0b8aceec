/// A rectangle in PostScript points (1/72 in) on a page whose origin is the top-left corner and
/// whose `y` grows downwards, as in cairo, SVG and `QRVectorPath`.
public struct PDFRect: Equatable, Sendable {
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

    /// The same rectangle grown by `amount` on every side (shrunk when negative).
    public func inset(by amount: Double) -> PDFRect {
        PDFRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}
