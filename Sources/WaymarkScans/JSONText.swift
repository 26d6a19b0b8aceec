/// Writes JSON strings byte by byte, escaping everything that could end or break a log line.
///
/// Swift strings are always valid Unicode (invalid input bytes became U+FFFD when they were
/// decoded), so what remains is to escape quotes, backslashes, every control character including
/// DEL, and U+2028/U+2029, which end a line in JavaScript. The output never contains a raw newline.
enum JSONText {
    /// The most bytes `appendString` writes for a string of `utf8Count` bytes: `\u00XX` is six
    /// bytes for one, U+2028 six for three, plus the two quotes.
    static func bound(utf8Count: Int) -> Int { 6 * utf8Count + 2 }

    static func appendString(_ value: String, to output: inout LineBuffer) {
        output.byte(UInt8(ascii: "\""))
        // Fast path for the usual case (ids, tokens, hosts): printable ASCII with nothing to escape,
        // checked and copied on the string's own bytes.
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C { return false }
            output.bytes(UnsafeRawBufferPointer(bytes))
            return true
        }
        if copied == true {
            output.byte(UInt8(ascii: "\""))
            return
        }
        var scalars = value.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x22: output.byte(0x5C); output.byte(0x22)
            case 0x5C: output.byte(0x5C); output.byte(0x5C)
            case 0x0A: output.byte(0x5C); output.byte(UInt8(ascii: "n"))
            case 0x0D: output.byte(0x5C); output.byte(UInt8(ascii: "r"))
            case 0x09: output.byte(0x5C); output.byte(UInt8(ascii: "t"))
            case 0x00..<0x20, 0x7F, 0x2028, 0x2029: appendUnicodeEscape(scalar.value, to: &output)
            case 0x20..<0x7F: output.byte(UInt8(truncatingIfNeeded: scalar.value))
            default: UTF8.encode(scalar) { output.byte($0) }
            }
        }
        output.byte(UInt8(ascii: "\""))
    }

    static func appendOptionalString(_ value: String?, to output: inout LineBuffer) {
        if let value { appendString(value, to: &output) } else { output.raw("null") }
    }

    /// Decimal digits, without the `String` that `String(value)` would build (at most 20 bytes).
    static func appendInteger(_ value: Int, to output: inout LineBuffer) {
        if value < 0 { output.byte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude, divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            output.byte(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    private static func appendUnicodeEscape(_ value: UInt32, to output: inout LineBuffer) {
        output.byte(0x5C)
        output.byte(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            output.byte(hexDigits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
