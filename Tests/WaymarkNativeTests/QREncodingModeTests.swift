import XCTest
import WaymarkNative
import WaymarkTestSupport

/// The encoder picks the mode that gives the smallest version.
final class QREncodingModeTests: XCTestCase {
    func testUpperCaseURLUsesAlphanumericModeAndNoLargerVersion() throws {
        let upper = try QRMatrix(encoding: "HTTPS://HC.EXAMPLE/T/7KQ2MX", errorCorrection: .medium)
        let mixed = try QRMatrix(encoding: "https://hc.example/t/7KQ2MX/", errorCorrection: .medium)
        XCTAssertEqual(upper.mode, .alphanumeric)
        XCTAssertLessThanOrEqual(upper.version, mixed.version)
        // Measured with libqrencode 4.1.1; a change here means the mode choice changed.
        XCTAssertEqual(upper.version, 2)
        XCTAssertEqual(mixed.version, 3)
        XCTAssertEqual(upper.size, 4 * upper.version + 17)
    }

    func testLibqrencodeSegmentationWinsWhenItSavesAVersion() throws {
        // Measured: the whole URL in byte mode needs version 4 at M; libqrencode's split
        // (bytes, then "/4XKQ9T2MPA/" in alphanumeric mode) fits version 3.
        let pets = try QRCode(payload: "https://pets.pawprint.example/t/4XKQ9T2MPA/")
        XCTAssertEqual(pets.matrix.mode, .mixed)
        XCTAssertEqual(pets.matrix.version, 3)
        QRDecoders.assertDecodes(pets)
    }

    func testLowerCaseIsNeverUpperCased() throws {
        // libqrencode upper-cases unless told the input is case-sensitive.
        let code = try QRCode(payload: "https://hc.example/t/7kq2mx/")
        QRDecoders.assertDecodes(code)
    }

    func testAllAlphanumericPayloadNeverLosesToByteMode() throws {
        for level in QRErrorCorrection.allCases {
            let upper = try QRMatrix(encoding: "HTTPS://PETS.PAWPRINT.EXAMPLE/T/4XKQ9T2MPA", errorCorrection: level)
            let lower = try QRMatrix(encoding: "https://pets.pawprint.example/t/4XKQ9T2MPA", errorCorrection: level)
            XCTAssertEqual(upper.mode, .alphanumeric)
            XCTAssertLessThanOrEqual(upper.version, lower.version, "level \(level.rawValue)")
        }
    }
}
