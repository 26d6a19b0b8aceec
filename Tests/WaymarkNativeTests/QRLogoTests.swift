import WaymarkTestSupport
import XCTest
@testable import WaymarkNative

/// A centre logo forces level H, clears its box plus a border, and the code still decodes.
final class QRLogoTests: XCTestCase {
    func testLogoCodeDecodesAtTheLargestAllowedArea() throws {
        for payload in ["https://hc.example/t/7KQ2MX/", "HTTPS://HC.EXAMPLE/T/7KQ2MX",
                        "https://pets.pawprint.example/t/4XKQ9T2MPA/",
                        "https://hc.example/trails/river-loop/stops/03-old-stone-bridge/?utm_source=card"] {
            var style = QRStyle()
            style.logo = try QRLogo(pngData: Self.logoPNG(), areaFraction: QRLogo.maximumAreaFraction)
            let code = try QRCode(payload: payload, style: style)
            XCTAssertEqual(code.matrix.errorCorrection, .high)
            QRDecoders.assertDecodes(code)
        }
    }

    func testLogoBoxIsCentredAndItsBorderCleared() throws {
        var style = QRStyle()
        style.logo = try QRLogo(pngData: Self.logoPNG(), areaFraction: 0.15)
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style)
        let box = try XCTUnwrap(code.logoBox)
        XCTAssertEqual(box.x * 2 + box.side, code.matrix.size)
        let cleared = box.side + 2
        XCTAssertLessThanOrEqual(Double(cleared * cleared), 0.15 * Double(code.matrix.size * code.matrix.size))
        for y in box.y - 1 ... box.y + box.side {
            for x in box.x - 1 ... box.x + box.side {
                XCTAssertFalse(code.matrix[x, y], "module \(x),\(y) under the logo")
            }
        }
        XCTAssertTrue(code.svg().contains("href=\"data:image/png;base64,"))
        XCTAssertEqual(code.vectorPath.logo?.width, Double(box.side))
    }

    func testLogoLargerThanTheLimitIsRefused() {
        XCTAssertThrowsError(try QRLogo(pngData: Self.logoPNG(), areaFraction: 0.3)) {
            XCTAssertEqual("\($0)", "a logo clearing 30.00% of the symbol is too large: at most 16.00% still decodes")
        }
    }

    func testUnreadableLogoIsATypedError() {
        XCTAssertThrowsError(try QRLogo(pngData: Array("not a png".utf8))) {
            guard case .png = $0 as? QRError else { return XCTFail("\($0)") }
        }
    }

    /// A 48×32 orange badge with a dark bar: colourful, not square, opaque.
    static func logoPNG() throws -> [UInt8] {
        let (width, height) = (48, 32)
        var bytes: [UInt8] = []
        for y in 0 ..< height {
            for x in 0 ..< width {
                let bar = y > 12 && y < 20 && x > 8 && x < 40
                bytes += bar ? [0x30, 0x20, 0x10] : [0xF2, 0x8C, 0x28]
            }
        }
        return try PNGEncoder().encode(PNGRaster(width: width, height: height, format: .rgb8, bytes: bytes))
    }
}
