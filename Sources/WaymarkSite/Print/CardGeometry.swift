/// The three nested rectangles of one card, in millimetres with the origin at the trim's
/// top-left corner: where it is cut (trim), how far its background runs past the cut (bleed) and
/// where text and codes stay (safe area).
public struct CardGeometry: Equatable, Sendable {
    public var size: CardSettings.Size
    public var bleed: Double
    public var safeMargin: Double

    public init(size: CardSettings.Size, bleed: Double, safeMargin: Double) {
        self.size = size
        self.bleed = bleed
        self.safeMargin = safeMargin
    }

    public var trim: PrintRect { PrintRect(x: 0, y: 0, width: size.width, height: size.height) }
    public var bleedRect: PrintRect { trim.inset(by: -bleed) }
    public var safe: PrintRect { trim.inset(by: safeMargin) }
    public var isPortrait: Bool { size.height > size.width }
}
