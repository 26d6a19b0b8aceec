/// The print-production boxes of one page: where the card is cut (trim) and how far its
/// background runs past the cut (bleed). The page itself is the media box.
public struct PDFPageBoxes: Equatable, Sendable {
    public var trim: PDFRect
    public var bleed: PDFRect

    public init(trim: PDFRect, bleed: PDFRect) {
        self.trim = trim
        self.bleed = bleed
    }
}
