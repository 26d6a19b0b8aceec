/// Draws a `QRCode` as a PNG at `style.scale` pixels per module, without smoothing.
///
/// Black on white is stored as 1-bit greyscale; other colours as a two-entry palette (1 bit a
/// pixel, so just as small); a code with a logo as 8-bit RGB, since the logo brings its own colours.
public struct QRPNGRenderer: Sendable {
    public var encoder: PNGEncoder

    /// Level 1: a build makes a PNG for every token, and on 10,000 codes level 1 takes a seventh
    /// less time than level 4 for files of about 550 bytes instead of 360 (`bench/qr`).
    public init(encoder: PNGEncoder = PNGEncoder(compressionLevel: 1, flatBlocks: true)) {
        self.encoder = encoder
    }

    /// The PNG file bytes.
    public func render(_ code: QRCode) throws(QRError) -> [UInt8] {
        do { return try encoder.encode(raster(code)) } catch { throw .png(error.description) }
    }

    /// The uncompressed image, before PNG encoding.
    public func raster(_ code: QRCode) -> PNGRaster {
        if let logo = code.style.logo, let box = code.logoBox {
            return rgbRaster(code, logo: logo.image, box: box)
        }
        let blackOnWhite = code.style.foreground == .black && code.style.background == .white
        let format: PNGRaster.Format = blackOnWhite
            ? .grayscale1 : .indexed(palette: [code.style.background, code.style.foreground], bitDepth: 1)
        // Greyscale stores white as 1, the palette stores the background at index 0.
        return bitRaster(code, format: format, darkBit: blackOnWhite ? 0 : 1)
    }
}

private extension QRPNGRenderer {
    /// One bit a pixel: each module row is packed once, then repeated `scale` times. A dark run
    /// fills whole bytes at once (at the default 8 pixels a module, one byte a module): setting
    /// it pixel by pixel was a tenth of the QR codes' time.
    func bitRaster(_ code: QRCode, format: PNGRaster.Format, darkBit: UInt8) -> PNGRaster {
        let scale = code.style.scale, margin = code.style.margin, size = code.matrix.size
        let width = code.sideInModules * scale
        let rowBytes = PNGRaster.rowBytes(width: width, format: format)
        let (light, dark): (UInt8, UInt8) = darkBit == 0 ? (0xFF, 0x00) : (0x00, 0xFF)
        var bytes = [UInt8](repeating: light, count: rowBytes * width)
        var row = [UInt8](repeating: light, count: rowBytes)
        bytes.withUnsafeMutableBufferPointer { image in
            row.withUnsafeMutableBufferPointer { row in
                for y in 0 ..< size {
                    row.update(repeating: light)
                    code.matrix.forEachDarkRun(inRow: y) { x, length in
                        Self.fill(row, pixels: (x + margin) * scale ..< (x + length + margin) * scale, with: dark)
                    }
                    let top = (y + margin) * scale
                    for line in top ..< top + scale {
                        UnsafeMutableRawPointer(image.baseAddress! + line * rowBytes).copyMemory(from: row.baseAddress!, byteCount: rowBytes)
                    }
                }
            }
        }
        return PNGRaster(width: width, height: width, format: format, bytes: bytes)
    }

    /// Sets `pixels` (1 bit each, most significant first) of a packed row to the dark bit.
    static func fill(_ row: UnsafeMutableBufferPointer<UInt8>, pixels: Range<Int>, with dark: UInt8) {
        var pixel = pixels.lowerBound
        // Leading pixels up to a byte boundary, whole bytes, then the trailing pixels.
        while pixel < pixels.upperBound, pixel & 7 != 0 {
            set(row, pixel, dark)
            pixel += 1
        }
        while pixel + 8 <= pixels.upperBound {
            row[pixel >> 3] = dark
            pixel += 8
        }
        while pixel < pixels.upperBound {
            set(row, pixel, dark)
            pixel += 1
        }
    }

    static func set(_ row: UnsafeMutableBufferPointer<UInt8>, _ pixel: Int, _ dark: UInt8) {
        let mask = UInt8(0x80) >> UInt8(pixel & 7)
        if dark == 0xFF { row[pixel >> 3] |= mask } else { row[pixel >> 3] &= ~mask }
    }

    /// 8-bit RGB with the logo composited (alpha over the background) into its box.
    func rgbRaster(_ code: QRCode, logo: PNGImage, box: QRModuleBox) -> PNGRaster {
        let scale = code.style.scale, margin = code.style.margin
        let width = code.sideInModules * scale
        let (fg, bg) = (code.style.foreground, code.style.background)
        var bytes = [UInt8](repeating: 0, count: width * width * 3)
        for py in 0 ..< width {
            for px in 0 ..< width {
                let dark = code.matrix[px / scale - margin, py / scale - margin]
                let color = dark ? fg : bg
                let i = (py * width + px) * 3
                bytes[i] = color.red
                bytes[i + 1] = color.green
                bytes[i + 2] = color.blue
            }
        }
        let placement = QRLogoPlacement(logo: logo, boxOrigin: (box.x + margin) * scale, boxSide: box.side * scale)
        placement.composite(into: &bytes, width: width, background: bg)
        return PNGRaster(width: width, height: width, format: .rgb8, bytes: bytes)
    }
}
