/// The 128-bit hash behind `Fingerprint` and the cache file's checksum: two 64-bit lanes that both read every 8-byte word
/// (the second lane also takes the first's state), each finished with a full avalanche.
///
/// Not cryptographic. A fingerprint only has to tell a changed page from its own previous
/// version, which nobody crafts against the cache; SHA-256 in Swift took a ninth of a
/// one-stop rebuild of the 20,000-page corpus, and this reads the same bytes about ten times faster.
enum FingerprintHash {
    /// The digest of `bytes` as 32 lower-case hex digits.
    static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let (high, low) = bytes.withContiguousStorageIfAvailable { digest(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(digest)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for word in [high, low] {
            for shift in stride(from: 60, through: 0, by: -4) { text.append(digits[Int((word >> UInt64(shift)) & 15)]) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func digest(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var a = seed &+ prime1
        var b = seed &- prime2
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(&a, &b, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            offset += 8
        }
        // The tail, zero-padded; the length below tells "ab" from "ab\0".
        var tail: UInt64 = 0
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        mix(&a, &b, tail.littleEndian)
        let length = UInt64(bytes.count)
        return (avalanche(a ^ rotate(b, 23) ^ length), avalanche(b ^ rotate(a, 41) ^ (length &* prime3)))
    }

    private static let (prime1, prime2, prime3, prime4): (UInt64, UInt64, UInt64, UInt64) =
        (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63)
    private static let seed: UInt64 = 0x5741_594D_4152_4B32 // "WAYMARK2"

    private static func mix(_ a: inout UInt64, _ b: inout UInt64, _ word: UInt64) {
        a = rotate(a &+ word &* prime2, 31) &* prime1
        b = rotate(b ^ (word &* prime4) ^ a, 27) &* prime3 &+ prime2
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }
}
