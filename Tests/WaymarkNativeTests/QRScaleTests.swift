import WaymarkTestSupport
import XCTest
@testable import WaymarkNative

/// Pixels per module and the quiet zone.
final class QRScaleTests: XCTestCase {
    func testOnePixelPerModuleDecodes() throws {
        var style = QRStyle()
        style.scale = 1
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/", style: style)
        let image = try PNGImage(data: code.png())
        XCTAssertEqual(image.width, code.sideInModules)
        // zxing-cpp reads the 1-pixel image as is; zbar finds no symbol in it (its scan-line
        // finder needs two or more pixels a module), so zbar gets a 2× nearest-neighbour copy.
        QRDecoders.assertDecodes(code, zbarUpscale: 2)
    }

    func testEveryModuleIsExactlyScalePixelsWithoutSmoothing() throws {
        var style = QRStyle()
        style.scale = 3
        let code = try QRCode(payload: "HTTPS://HC.EXAMPLE/T/7KQ2MX", style: style)
        let image = try PNGImage(data: code.png())
        XCTAssertEqual(image.width, code.sideInModules * 3)
        for py in 0 ..< image.height {
            for px in 0 ..< image.width {
                let dark = code.matrix[px / 3 - style.margin, py / 3 - style.margin]
                XCTAssertEqual(image.rgba[(py * image.width + px) * 4], dark ? 0 : 255)
            }
        }
        XCTAssertEqual(QRPNGRenderer().raster(code).format, .grayscale1)
    }

    func testQuietZoneBelowFourModulesIsRefusedUnlessAsked() throws {
        var style = QRStyle()
        style.margin = 2
        XCTAssertThrowsError(try QRCode(payload: "x", style: style)) {
            XCTAssertEqual("\($0)", "a quiet zone of 2 modules is too small: scanners need at least 4")
        }
        style.allowsNarrowMargin = true
        XCTAssertEqual(try QRCode(payload: "x", style: style).sideInModules, 21 + 4)
        style.scale = 0
        XCTAssertThrowsError(try QRCode(payload: "x", style: style))
    }
}
