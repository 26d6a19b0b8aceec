/// How small libqrencode's own split of a payload (numeric, alphanumeric and byte segments)
/// could possibly be, without running it.
///
/// The encoder tries that split only in case it needs a smaller version than the single-mode
/// symbol, and an encode is mostly libqrencode scoring eight masks. When even the best
/// conceivable split cannot fit a smaller version, the second encode is skipped: the result is
/// the same symbol, at half the cost.
enum QRSegmentBound {
    /// Whether some split of `bytes` might fit a version below `version` at `level`. True
    /// whenever that cannot be ruled out, including versions past the capacity table.
    static func mightFit(_ bytes: [UInt8], below version: Int, level: QRErrorCorrection) -> Bool {
        guard version > 1 else { return false }
        guard version - 1 <= dataCodewords.count else { return true }
        let column = QRErrorCorrection.allCases.firstIndex(of: level)!
        return (1 ..< version).contains { smaller in
            (minimumBits(bytes, version: smaller) + 7) / 8 <= dataCodewords[smaller - 1][column]
        }
    }

    /// A lower bound on the data bits of any split of `bytes` in a symbol of `version`: each
    /// segment pays its 4-bit mode and its count field, and each character at least its mode's
    /// share (10/3 bits a digit, 11/2 an alphanumeric character, 8 a byte). Shortest path over
    /// the characters, in sixths of a bit so the shares stay whole.
    static func minimumBits(_ bytes: [UInt8], version: Int) -> Int {
        let modes = Mode.allCases
        let header = modes.map { 6 * (4 + $0.countBits(version: version)) }
        var best = [Int](repeating: 0, count: modes.count)
        var started = false
        for byte in bytes {
            let cheapest = started ? best.min()! : 0
            for (index, mode) in modes.enumerated() {
                guard let share = mode.sixthsPerCharacter(byte) else { best[index] = .max / 2; continue }
                let carryOn = started ? best[index] : .max / 2
                best[index] = min(carryOn, cheapest + header[index]) + share
            }
            started = true
        }
        return ((best.min() ?? 0) + 5) / 6
    }

    /// Data codewords of versions 1…10 at L, M, Q and H (ISO/IEC 18004, table 7); payloads that
    /// need more are tried both ways, as before.
    static let dataCodewords: [[Int]] = [
        [19, 16, 13, 9], [34, 28, 22, 16], [55, 44, 34, 26], [80, 64, 48, 36], [108, 86, 62, 46],
        [136, 108, 76, 60], [156, 124, 88, 66], [194, 154, 110, 86], [232, 182, 132, 100], [274, 216, 154, 122],
    ]

    /// The three modes libqrencode splits into when hinted to bytes (no Kanji).
    enum Mode: CaseIterable {
        case numeric, alphanumeric, byte

        /// Length of the character count field (ISO/IEC 18004, table 3).
        func countBits(version: Int) -> Int {
            let band = version < 10 ? 0 : version < 27 ? 1 : 2
            switch self {
            case .numeric: return [10, 12, 14][band]
            case .alphanumeric: return [9, 11, 13][band]
            case .byte: return [8, 16, 16][band]
            }
        }

        /// Sixths of a bit a character costs at least in this mode; nil when it cannot hold it.
        func sixthsPerCharacter(_ byte: UInt8) -> Int? {
            switch self {
            case .numeric: return (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) ? 20 : nil
            case .alphanumeric: return QREncodingMode.alphanumericCharacters.contains(byte) ? 33 : nil
            case .byte: return 48
            }
        }
    }
}
