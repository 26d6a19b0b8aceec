import XCTest
import WaymarkNative
import WaymarkTestSupport

/// Every error-correction level decodes, and more redundancy never shrinks the symbol.
final class QRErrorCorrectionLevelTests: XCTestCase {
    func testEachLevelDecodes() throws {
        var previous = 0
        for level in QRErrorCorrection.allCases {
            var style = QRStyle()
            style.errorCorrection = level
            let code = try QRCode(payload: "https://pets.pawprint.example/t/4XKQ9T2MPA/", style: style)
            XCTAssertEqual(code.matrix.errorCorrection, level)
            XCTAssertGreaterThanOrEqual(code.matrix.version, previous)
            previous = code.matrix.version
            QRDecoders.assertDecodes(code)
        }
    }

    func testLevelLettersParse() {
        XCTAssertEqual(QRErrorCorrection(letter: "q"), .quartile)
        XCTAssertNil(QRErrorCorrection(letter: "X"))
    }
}
