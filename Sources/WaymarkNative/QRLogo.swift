import Foundation

/// A PNG drawn over the centre of a QR code.
///
/// The modules under the logo, plus a one-module border, are cleared, and the code is encoded
/// at level H so Reed–Solomon rebuilds them. `areaFraction` is the cleared square's share of
/// the symbol's area (quiet zone excluded), border included: that is what costs codewords.
public struct QRLogo: Sendable {
    /// The PNG file as given: embedded as is in SVG output.
    public let pngData: [UInt8]
    /// The decoded pixels: composited into PNG output.
    public let image: PNGImage
    /// Share of the symbol area the logo and its border may clear, at most `maximumAreaFraction`.
    public let areaFraction: Double

    /// The largest cleared share that still decodes. Measured at level H with zbar and
    /// zxing-cpp on versions 3–6: every code read with up to 16.4 % cleared, none from 20.1 % on
    /// (H restores 30 % of the codewords, but a square cuts through more codewords than its
    /// share of modules). The default, 12 %, leaves room for print and camera damage.
    public static let maximumAreaFraction = 0.16
    /// From version 7 on the logo hides the centre alignment pattern too, and zbar then missed
    /// codes from 10 % on (and both decoders at 12 % on version 13); 8 % read on versions 7–22.
    public static let maximumAreaFractionWithCentreAlignment = 0.08

    /// Reads the logo from a PNG file.
    public init(pngFile path: String, areaFraction: Double = 0.12) throws(QRError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .png("\(path): cannot read the file")
        }
        try self.init(pngData: [UInt8](data), areaFraction: areaFraction)
    }

    /// Uses PNG file bytes as the logo.
    public init(pngData: [UInt8], areaFraction: Double = 0.12) throws(QRError) {
        guard areaFraction > 0, areaFraction <= Self.maximumAreaFraction else {
            throw .logoTooLarge(areaFraction: areaFraction, maximum: Self.maximumAreaFraction)
        }
        do { image = try PNGImage(data: pngData) } catch { throw .png(error.description) }
        self.pngData = pngData
        self.areaFraction = areaFraction
    }

    /// The centred logo box (without its border) for a symbol of `size` modules: odd sides, so
    /// it sits exactly in the middle of the (odd-sized) symbol. Shrinks to the version 7+ limit
    /// on its own: the payload, not the user, decides the version.
    func box(inSymbolOfSize size: Int) -> QRModuleBox {
        let version = (size - 17) / 4
        let fraction = version >= 7 ? min(areaFraction, Self.maximumAreaFractionWithCentreAlignment) : areaFraction
        var cleared = Int((fraction * Double(size * size)).squareRoot())
        if cleared % 2 == 0 { cleared -= 1 }
        let side = max(cleared - 2, 1)
        return QRModuleBox(x: (size - side) / 2, y: (size - side) / 2, side: side)
    }
}
