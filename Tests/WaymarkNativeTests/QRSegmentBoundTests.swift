import XCTest
@testable import WaymarkNative

/// The encoder skips libqrencode's split when it cannot need a smaller version: the capacity
/// table it decides with must be libqrencode's, and skipping must never change the symbol.
final class QRSegmentBoundTests: XCTestCase {
    func testCapacityTableIsLibqrencodes() throws {
        for version in 1 ... QRSegmentBound.dataCodewords.count {
            for (column, level) in QRErrorCorrection.allCases.enumerated() {
                let codewords = QRSegmentBound.dataCodewords[version - 1][column]
                // Byte mode: 4 mode bits and an 8-bit count (16 from version 10), 8 bits a byte.
                let fits = (codewords * 8 - 4 - (version < 10 ? 8 : 16)) / 8
                let full = try QRMatrix.encode(Array(repeating: UInt8(ascii: "a"), count: fits), as: .byte, level).get()
                let over = try QRMatrix.encode(Array(repeating: UInt8(ascii: "a"), count: fits + 1), as: .byte, level).get()
                XCTAssertEqual(full.version, version, "\(fits) bytes at \(level.rawValue)")
                XCTAssertEqual(over.version, version + 1, "\(fits + 1) bytes at \(level.rawValue)")
            }
        }
    }

    func testBoundIsNeverAboveLibqrencodesSplit() throws {
        var generator = SeededGenerator(seed: 20261202)
        let pools: [[UInt8]] = [Array("0123456789".utf8), Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ/:.".utf8), Array("abcdefghijklmnopqrstuvwxyz./:-".utf8)]
        for _ in 0 ..< 400 {
            var bytes: [UInt8] = []
            for _ in 0 ..< Int.random(in: 1 ... 6, using: &generator) {
                let pool = pools.randomElement(using: &generator)!
                bytes += (0 ..< Int.random(in: 1 ... 40, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            }
            let level = QRErrorCorrection.allCases.randomElement(using: &generator)!
            let split = try QRMatrix.encode(bytes, as: .mixed, level).get()
            let payload = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(QRSegmentBound.mightFit(bytes, below: split.version + 1, level: level), "\(payload) at \(level.rawValue)")
            // And the encoder's choice is what trying both ways gives.
            let whole = try QRMatrix.encode(bytes, as: QREncodingMode.fitsAlphanumeric(bytes) ? .alphanumeric : .byte, level).get()
            let expected = split.version < whole.version ? split : whole
            XCTAssertEqual(try QRMatrix(encoding: payload, errorCorrection: level), expected, "\(payload) at \(level.rawValue)")
        }
    }

    func testTypicalTokenURLsSkipTheSplit() {
        // The case the shortcut is for: a site's token URL, whose split cannot save a version.
        let bytes = Array("https://bench.example/t/7KQ2MX/".utf8)
        XCTAssertFalse(QRSegmentBound.mightFit(bytes, below: 3, level: .medium))
        // A pet URL whose split does save one (see QREncodingModeTests) is still tried.
        XCTAssertTrue(QRSegmentBound.mightFit(Array("https://pets.pawprint.example/t/4XKQ9T2MPA/".utf8), below: 4, level: .medium))
    }
}

/// SplitMix64: the same payloads on every run, so a failure can be replayed.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
