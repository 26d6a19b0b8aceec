import XCTest
import WaymarkNative
import WaymarkTestSupport

/// Realistic payloads come back from both decoders exactly, from the PNG and from the SVG.
final class QRPayloadDecodingTests: XCTestCase {
    static let payloads = [
        "https://hc.example/t/7KQ2MX/",
        "https://pets.pawprint.example/t/4XKQ9T2MPA/",
        "HTTPS://HC.EXAMPLE/T/7KQ2MX",
        "https://hc.example/trails/river-loop/03-bridge/#question",
        "Grüße aus Köln — 東京 ✓",
    ]

    func testRealisticPayloadsDecodeExactly() throws {
        for payload in Self.payloads {
            QRDecoders.assertDecodes(try QRCode(payload: payload))
        }
    }

    func testDefaultStyleIsLevelMWithAFourModuleQuietZone() throws {
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/")
        XCTAssertEqual(code.matrix.errorCorrection, .medium)
        XCTAssertEqual(code.sideInModules, code.matrix.size + 8)
    }

    func testEmptyAndOversizedPayloadsAreTypedErrors() {
        XCTAssertThrowsError(try QRCode(payload: "")) { XCTAssertEqual($0 as? QRError, .emptyPayload) }
        let huge = String(repeating: "x", count: 3000)
        XCTAssertThrowsError(try QRCode(payload: huge)) {
            XCTAssertEqual($0 as? QRError, .payloadTooLong(bytes: 3000, level: .medium))
            XCTAssertEqual("\($0)", "the QR payload (3000 bytes) does not fit a version 40 symbol at level M")
        }
    }
}
