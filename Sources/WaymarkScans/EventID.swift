/// Event ids: ULIDs (48-bit millisecond time + 80 random bits in Crockford base32, 26 characters).
///
/// Time-ordered, so ids of one file sort roughly by time, and random enough that many nodes can
/// mint them without talking to each other.
public enum EventID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public static func make(at timestamp: UTCTimestamp) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(at: timestamp, using: &generator)
    }

    public static func make<Generator: RandomNumberGenerator>(at timestamp: UTCTimestamp, using generator: inout Generator) -> String {
        encode(at: timestamp, high: generator.next() & 0xFFFF, low: generator.next())
    }

    /// `high` holds the top 16 of the 80 random bits, `low` the other 64.
    static func encode(at timestamp: UTCTimestamp, high: UInt64, low: UInt64) -> String {
        let time = UInt64(max(0, timestamp.milliseconds)) & 0xFFFF_FFFF_FFFF
        // Written straight into the string's storage: no array in between.
        return String(unsafeUninitializedCapacity: 26) { characters in
            // 130 bits in all (2 leading zero bits): time fills characters 0...9, randomness 10...25.
            for index in 0..<10 { characters[index] = alphabet[Int((time >> UInt64(45 - index * 5)) & 31)] }
            let random80 = (high, low)
            for index in 0..<16 {
                let bit = 75 - index * 5  // position of this character's lowest bit within the 80 random bits
                let value: UInt64 = bit >= 64
                    ? (random80.0 >> UInt64(bit - 64)) & 31
                    : bit > 59
                        ? ((random80.0 << UInt64(64 - bit)) | (random80.1 >> UInt64(bit))) & 31
                        : (random80.1 >> UInt64(bit)) & 31
                characters[10 + index] = alphabet[Int(value)]
            }
            return 26
        }
    }
}
