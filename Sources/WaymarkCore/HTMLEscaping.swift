public extension String {
    /// The text made safe to place in HTML content and in quoted attribute values: `&`, `<`, `>`,
    /// `"` and `'` become entities, whatever characters they combine with.
    ///
    /// Works on the UTF-8 bytes (the five are ASCII, so they never occur inside another
    /// character's encoding) and returns the text itself when there is nothing to escape: every
    /// value a page shows goes through here.
    var htmlEscaped: String {
        var text = self
        return text.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: Self.needsEscaping) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
