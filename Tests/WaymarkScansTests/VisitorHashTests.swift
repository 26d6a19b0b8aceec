import Foundation
import Testing
import WaymarkCore
@testable import WaymarkScans

@Suite struct VisitorHashTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// RFC 4231 test cases 1, 2 and 6 (a key longer than the block).
    @Test func hmacMatchesRFC4231() {
        #expect(Self.hex(HMACSHA256(key: [UInt8](repeating: 0x0B, count: 20)).authenticationCode(for: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(Self.hex(HMACSHA256(key: Array("Jefe".utf8)).authenticationCode(for: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(Self.hex(HMACSHA256(key: [UInt8](repeating: 0xAA, count: 131)).authenticationCode(for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func sameSecretAndDayHashAlikeOnEveryNode() {
        let day = UTCDay("2026-11-21")!
        let a = VisitorHash(secret: Array("shared secret of the fleet".utf8)), b = VisitorHash(secret: Array("shared secret of the fleet".utf8))
        let hash = a.hash(address: "203.0.113.7", on: day)
        #expect(hash == b.hash(address: "203.0.113.7", on: day))
        #expect(hash.count == 16 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(hash != a.hash(address: "203.0.113.8", on: day))
    }

    @Test func saltRotatesDailyAndWithTheSecret() {
        let day = UTCDay("2026-11-21")!, next = UTCDay("2026-11-22")!
        let hasher = VisitorHash(secret: Array("shared secret of the fleet".utf8))
        #expect(hasher.hash(address: "2001:db8::1", on: day) != hasher.hash(address: "2001:db8::1", on: next))
        #expect(hasher.hash(address: "2001:db8::1", on: day) != VisitorHash(secret: Array("a new secret".utf8)).hash(address: "2001:db8::1", on: day))
    }
}
