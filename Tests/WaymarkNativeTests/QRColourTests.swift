import XCTest
import WaymarkNative
import WaymarkTestSupport

/// Custom colours decode; low contrast and light-on-dark are refused unless allowed.
final class QRColourTests: XCTestCase {
    func testDarkBlueOnCreamDecodes() throws {
        var style = QRStyle()
        style.foreground = try XCTUnwrap(RGBColor(hex: "#1b2a4a"))
        style.background = try XCTUnwrap(RGBColor(hex: "#fff8e7"))
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style)
        XCTAssertEqual(QRPNGRenderer().raster(code).format,
                       .indexed(palette: [style.background, style.foreground], bitDepth: 1))
        XCTAssertTrue(code.svg().contains("fill=\"#1b2a4a\""))
        QRDecoders.assertDecodes(code)
    }

    func testLowContrastIsRefusedWithBothColoursAndTheRatio() throws {
        var style = QRStyle()
        style.foreground = try XCTUnwrap(RGBColor(hex: "#999999"))
        style.background = try XCTUnwrap(RGBColor(hex: "#aaaaaa"))
        XCTAssertThrowsError(try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style)) {
            XCTAssertEqual("\($0)", "contrast between foreground #999999 and background #aaaaaa is 1.23:1, "
                + "below the 4.50:1 scanners need (use darker modules or a lighter background)")
        }
        style.allowsLowContrast = true
        XCTAssertNoThrow(try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style))
    }

    func testLightOnDarkIsRefusedUnlessAllowed() throws {
        var style = QRStyle()
        style.foreground = .white
        style.background = try XCTUnwrap(RGBColor(hex: "#1b2a4a"))
        XCTAssertThrowsError(try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style)) {
            XCTAssertEqual("\($0)", "foreground #ffffff is lighter than background #1b2a4a: many scanners cannot "
                + "read light-on-dark codes (swap the colours)")
        }
        style.allowsInverted = true
        XCTAssertNoThrow(try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style))
    }

    func testHexParsingAndContrastRatio() throws {
        XCTAssertEqual(RGBColor(hex: "#FfF")?.description, "#ffffff")
        XCTAssertNil(RGBColor(hex: "#12345"))
        XCTAssertNil(RGBColor(hex: "blue"))
        XCTAssertEqual(RGBColor.black.contrastRatio(with: .white), 21, accuracy: 1e-9)
    }
}
