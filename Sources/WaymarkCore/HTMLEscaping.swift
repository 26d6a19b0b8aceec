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
            guard let first = bytes.firstIndex(where: { Self.entity(for: $0) != nil }) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let entity = Self.entity(for: byte) { out.append(contentsOf: entity.utf8) } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
