/// A fast 64-bit hash of a byte range, for event ids and repeated field runs.
///
/// Not cryptographic: event ids are minted by `waymark-ingest`, not chosen by visitors, so the only
/// concern is accidental collisions — about 1 in 10¹⁰ for a day of 100,000 events of one site,
/// which is the scope ids are compared in.
enum ByteHash {
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, count: Int, seed: UInt64 = 0) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        var state = seed ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = rotate(state ^ (word &* 0x87C3_7B91_1142_53D5), 29) &* 0x4CF5_AD43_2745_937F
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        state = rotate(state ^ (tail &* 0x87C3_7B91_1142_53D5), 29) &* 0x4CF5_AD43_2745_937F
        return finalize(state)
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return hash(UnsafePointer(bitPattern: 1)!, count: 0) }
            return hash(base, count: buffer.count)
        }
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }

    /// MurmurHash3's finalizer: every input bit flips each output bit with probability ~½.
    @inline(__always)
    private static func finalize(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return mixed
    }
}
