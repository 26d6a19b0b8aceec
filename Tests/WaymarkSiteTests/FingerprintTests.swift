import Testing
@testable import WaymarkSite

/// Fingerprints tell render contexts apart: same values, same digest; any change, another.
@Suite struct FingerprintTests {
    func digest(_ value: Any) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(any: value)
        return fingerprint.hex()
    }

    @Test func equalContextsGiveEqualDigestsWhateverTheKeyOrder() {
        let one: [String: Any] = ["title": "Mill", "number": 3, "next": ["url": "/a/"]]
        let two: [String: Any] = ["next": ["url": "/a/"], "number": 3, "title": "Mill"]
        #expect(digest(one) == digest(two))
        #expect(digest(one).count == 32)
        #expect(digest(one).allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func valuesThatPrintAlikeDiffer() {
        let pairs: [(Any, Any)] = [
            (["a": "bc"] as [String: Any], ["ab": "c"] as [String: Any]),
            ("1", 1), (true, "true"), ([String?.none as Any] as [Any], [""] as [Any]),
            (["x", "y"] as [Any], ["xy"] as [Any]), ("", [String: Any]()),
        ]
        for (left, right) in pairs { #expect(digest(left) != digest(right), "\(left) vs \(right)") }
    }

    @Test func everyOneBitChangeOfAnInputChangesTheDigest() {
        // Every text of 1…40 bytes, and each of its one-bit variants: no two collide.
        var seen: Set<String> = []
        var count = 0
        for length in 1...40 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            for bit in -1..<(length * 8) {
                var bytes = base
                if bit >= 0 { bytes[bit / 8] ^= 1 << UInt8(bit % 8) }
                var fingerprint = Fingerprint()
                fingerprint.add(bytes: bytes)
                seen.insert(fingerprint.hex())
                count += 1
            }
        }
        #expect(seen.count == count)
    }
}
