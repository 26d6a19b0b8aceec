/// Removes location and camera metadata from published copies of photos: a pet photo must not
/// reveal where its owner lives.
///
/// JPEG: drops the APP1 (Exif, XMP), APP12, APP13 (IPTC) and comment segments before the image
/// data, keeping JFIF, ICC colour profiles and Adobe colour-transform segments the picture needs.
/// PNG: drops the eXIf, text and time chunks. Pixels are never touched.
enum ImageMetadataStripper {
    static func strip(_ bytes: [UInt8], format: ImageFormat) -> [UInt8] {
        switch format {
        case .jpeg: return stripJPEG(bytes) ?? bytes
        case .png: return stripPNG(bytes) ?? bytes
        case .gif, .webp: return bytes
        }
    }

    static let droppedJPEGMarkers: Set<UInt8> = [0xE1, 0xEC, 0xED, 0xFE]
    static let droppedPNGChunks: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]

    /// Nil when the structure is not what it claims; the caller then refuses or keeps the file.
    static func stripJPEG(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var output: [UInt8] = [0xFF, 0xD8]
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue } // fill byte
            if marker == 0xDA || marker == 0xD9 {
                // Start of scan: the compressed image follows; copy it and the rest verbatim.
                output.append(contentsOf: bytes[index...])
                return output
            }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return nil }
            if !droppedJPEGMarkers.contains(marker) {
                output.append(contentsOf: bytes[index..<(index + 2 + length)])
            }
            index += 2 + length
        }
        return nil
    }

    static func stripPNG(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 8 else { return nil }
        var output = Array(bytes[0..<8])
        var index = 8
        while index + 12 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let end = index + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            if !droppedPNGChunks.contains(type) { output.append(contentsOf: bytes[index..<end]) }
            index = end
            if type == "IEND" { return output }
        }
        return nil
    }
}
