/// How a piece of text is set: font, size, weight, colour and alignment.
public struct TextStyle: Equatable, Sendable {
    public enum Alignment: Sendable { case left, center, right }

    /// A fontconfig family or generic name ("DejaVu Sans", "sans-serif"); characters it lacks
    /// fall back to other installed fonts.
    public var family: String
    /// Font size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var colour: RGBColor
    public var alignment: Alignment

    public init(family: String = "sans-serif", size: Double, bold: Bool = false, italic: Bool = false,
                colour: RGBColor = .black, alignment: Alignment = .left) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
        self.colour = colour
        self.alignment = alignment
    }
}
