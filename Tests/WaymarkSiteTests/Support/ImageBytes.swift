/// Reads the structure of published images in tests, without trusting the code under test.
enum ImageBytes {
    /// The marker bytes of a JPEG's segments before the image data, with their payload's start.
    static func jpegSegments(_ bytes: [UInt8]) -> [(marker: UInt8, payload: ArraySlice<UInt8>)] {
        var segments: [(UInt8, ArraySlice<UInt8>)] = []
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            if marker == 0xDA { break }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            segments.append((marker, bytes[(index + 4)..<min(bytes.count, index + 2 + length)]))
            index += 2 + length
        }
        return segments
    }

    /// The chunk types of a PNG, in order.
    static func pngChunks(_ bytes: [UInt8]) -> [String] {
        var chunks: [String] = []
        var index = 8
        while index + 12 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            chunks.append(String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self))
            index += 12 + length
        }
        return chunks
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
