/// A short cut guide printed outside every card, in line with a trim edge; millimetres on the page.
public struct CropMark: Equatable, Sendable {
    public var x1: Double
    public var y1: Double
    public var x2: Double
    public var y2: Double

    /// The mark as a (zero-width) rectangle, for overlap tests.
    public var bounds: PrintRect {
        PrintRect(x: min(x1, x2), y: min(y1, y2), width: abs(x2 - x1), height: abs(y2 - y1))
    }

    /// Line width of the printed marks, in points (about 0.18 mm).
    public static let width = 0.5
    /// Length of a mark, and its distance from the nearest bleed edge.
    public static let length = 4.0
    public static let gap = 1.0
}
