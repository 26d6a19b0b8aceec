import WaymarkCore

/// How a site's printed cards are made, from the `cards:` section of site.yml. Lengths are in
/// millimetres.
public struct CardSettings: Sendable {
    /// A card or page size in millimetres.
    public struct Size: Equatable, Sendable, CustomStringConvertible {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }

        public static let businessCard = Size(width: 85, height: 55)
        public static let a6 = Size(width: 105, height: 148)
        public static let named: [String: Size] = [
            "a6": a6, "a7": Size(width: 74, height: 105), "a5": Size(width: 148, height: 210),
            "business-card": businessCard, "us-business-card": Size(width: 88.9, height: 50.8),
        ]

        public var description: String { "\(Self.number(width))×\(Self.number(height)) mm" }

        static func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
        }
    }

    /// The sheets cards are imposed on.
    public enum Sheet: String, CaseIterable, Sendable {
        /// One card a page, page = card + bleed, with TrimBox and BleedBox: for print shops.
        case single
        /// As many cards as fit on A4 or US Letter, each with its bleed, crop marks in the margin.
        case a4, letter
        /// Pre-cut card stock: Avery 5371 (Letter, 10 cards of 3.5 × 2 in).
        case avery5371 = "avery-5371"
        /// Pre-cut card stock: Avery C32011 (A4, 10 cards of 85 × 54 mm).
        case averyC32011 = "avery-c32011"
    }

    /// Trim size of trail-stop and pet-tag cards.
    public var cardSize = Size.businessCard
    /// Trim size of each pet-passport page.
    public var passportSize = Size.a6
    /// How far backgrounds run past the trim, for cutting tolerance.
    public var bleed = 3.0
    /// Distance from the trim inside which text and codes stay.
    public var safeMargin = 4.0
    /// Side of the printed QR symbol, quiet zone not included.
    public var qrSize = 22.0
    /// Accept `qr_size` below `minimumQRSize` (the user has tested their scanners).
    public var allowSmallQR = false
    /// The sheet `waymark cards` and `waymark build --cards` make unless told otherwise.
    public var sheet = Sheet.single
    /// Printer calibration: everything on a home-printed sheet moves by this much (x right, y down).
    public var offset = (x: 0.0, y: 0.0)
    /// The font family for card text; missing characters fall back to other installed fonts.
    public var font = "sans-serif"
    /// Where the settings are written, for problems found while laying cards out.
    public var location: SourceLocation

    /// The smallest printed code accepted by default: below about 2 cm phones focus and read
    /// codes at arm's length much less reliably.
    public static let minimumQRSize = 20.0

    public init(location: SourceLocation) { self.location = location }
}
