/// The cache file's checksum: 128 bits from two xxHash64-style lanes, 16 bytes per step.
///
/// It guards against damage (a truncated write, flipped bits, another file put in its place), not
/// against forgery, and the cache is read and written on every build: SHA-256 over its twenty
/// megabytes cost a fifth of a one-file rebuild of the 20,000-page corpus. Pages are still
/// fingerprinted with SHA-256 (`Fingerprint`).
enum CacheChecksum {
    static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { hex($0) }
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var (a, b) = (seed &+ prime1 &+ prime2, seed &- prime1)
        var offset = 0
        while offset + 16 <= bytes.count {
            a = round(a, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            b = round(b, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
            offset += 16
        }
        // The tail, zero-padded; the length below tells "ab" from "ab\0".
        var tail = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        a = round(a, tail.0.littleEndian)
        b = round(b, tail.1.littleEndian)
        let length = UInt64(bytes.count)
        let high = avalanche(a ^ rotate(b, 17) ^ length)
        let low = avalanche(b ^ rotate(a, 41) ^ (length &* prime3))
        return [high, low].map { word in
            let text = String(word, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    private static let (prime1, prime2, prime3): (UInt64, UInt64, UInt64) = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
    private static let seed: UInt64 = 0x5741_594D_4152_4B31 // "WAYMARK1"

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

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
