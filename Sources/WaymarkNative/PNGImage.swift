internal import CPNG

/// A decoded PNG as 8-bit RGBA (straight alpha), read through libpng's simplified API.
public struct PNGImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width × height × 4` bytes, row by row: red, green, blue, alpha.
    public let rgba: [UInt8]

    /// Reads the PNG file at `path`.
    public init(contentsOfFile path: String) throws(PNGError) {
        self = try Self.read(path: path, bytes: nil)
    }

    /// Decodes PNG file bytes.
    public init(data: [UInt8]) throws(PNGError) {
        self = try Self.read(path: nil, bytes: data)
    }

    init(width: Int, height: Int, rgba: [UInt8]) {
        self.width = width
        self.height = height
        self.rgba = rgba
    }
}

private extension PNGImage {
    static func read(path: String?, bytes: [UInt8]?) throws(PNGError) -> PNGImage {
        var output: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let input = bytes ?? []
        let status = input.withUnsafeBufferPointer { buffer in
            if let path {
                return waymark_png_read_rgba(path, nil, 0, &output, &width, &height, &message, message.count)
            }
            return waymark_png_read_rgba(nil, buffer.baseAddress, buffer.count, &output, &width, &height,
                                         &message, message.count)
        }
        defer { waymark_png_free(output) }
        guard Int(status) == WAYMARK_PNG_OK, let output else {
            if Int(status) == WAYMARK_PNG_ERROR_MEMORY { throw .outOfMemory }
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .libpng((path.map { "\($0): " } ?? "") + (text.isEmpty ? "cannot read PNG" : text))
        }
        let pixels = Array(UnsafeBufferPointer(start: output, count: Int(width) * Int(height) * 4))
        return PNGImage(width: Int(width), height: Int(height), rgba: pixels)
    }
}
