/// How much of a QR symbol can be damaged (or covered by a logo) and still decode.
///
/// Higher levels spend more modules on Reed–Solomon redundancy, so the same payload needs a
/// larger version. `M` is the usual choice for print; a centre logo forces `H`.
public enum QRErrorCorrection: String, CaseIterable, Sendable, Comparable {
    /// Recovers about 7 % of the codewords.
    case low = "L"
    /// Recovers about 15 % of the codewords.
    case medium = "M"
    /// Recovers about 25 % of the codewords.
    case quartile = "Q"
    /// Recovers about 30 % of the codewords.
    case high = "H"

    /// Parses `L`, `M`, `Q` or `H` (case-insensitive).
    public init?(letter: String) {
        self.init(rawValue: letter.uppercased())
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
