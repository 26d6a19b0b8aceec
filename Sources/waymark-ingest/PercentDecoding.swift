/// Strict percent-decoding of request targets and query values.
///
/// A `%` not followed by two hex digits, decoded bytes that are not UTF-8 and control characters
/// are all errors: such input is refused with 400 rather than repaired, so nothing odd is logged.
enum PercentDecoding {
    enum Failure: Error, Equatable {
        case malformedEscape
        case invalidUTF8
        case controlCharacter
    }

    /// - Parameter plusAsSpace: `application/x-www-form-urlencoded` rules, for query values.
    static func decode<Bytes: Collection>(_ bytes: Bytes, plusAsSpace: Bool = false) -> Result<String, Failure> where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let high = bytes.index(after: index)
                guard high != bytes.endIndex else { return .failure(.malformedEscape) }
                let low = bytes.index(after: high)
                guard low != bytes.endIndex, let h = hexValue(bytes[high]), let l = hexValue(bytes[low]) else {
                    return .failure(.malformedEscape)
                }
                output.append(h << 4 | l)
                index = bytes.index(after: low)
                continue
            }
            output.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
        if output.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .failure(.controlCharacter) }
        guard let text = String(validating: output, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
