/// The same 6-character Crockford base32 tokens as bench.c and bench_segno.py: a fixed
/// linear congruential sequence, so every side encodes identical payloads.
enum BenchTokens {
    static func make(_ count: Int) -> [String] {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var state: UInt32 = 12345
        return (0 ..< count).map { _ in
            String((0 ..< 6).map { _ in
                state = state &* 1_103_515_245 &+ 12345
                return alphabet[Int((state >> 16) & 31)]
            })
        }
    }
}
