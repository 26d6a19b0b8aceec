import Foundation

/// Draws a `QRCode` as a standalone SVG document.
///
/// The `viewBox` is the symbol plus quiet zone in module units, so one user unit is one module;
/// the dark modules are a single `<path>` of merged horizontal runs over a background `<rect>`,
/// with `shape-rendering="crispEdges"` so rasterisers do not anti-alias module edges.
public struct QRSVGRenderer: Sendable {
    /// The `width` attribute: `nil` means modules × `style.scale` (pixels), `""` leaves it out
    /// (the SVG then fills its container), anything else is written as given (`"30mm"`).
    public var width: String?
    /// The `height` attribute, with the same rules as `width`.
    public var height: String?

    public init(width: String? = nil, height: String? = nil) {
        self.width = width
        self.height = height
    }

    /// The SVG text, ending with a newline.
    public func render(_ code: QRCode) -> String { String(decoding: renderBytes(code), as: UTF8.self) }

    /// The same SVG as UTF-8 bytes, for writing to a file: a build writes one per token, and
    /// making a String first and copying it back out showed in its profile.
    public func renderBytes(_ code: QRCode) -> [UInt8] {
        let side = code.sideInModules
        let pixels = String(side * code.style.scale)
        var head = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""
        for (name, value) in [("width", width ?? pixels), ("height", height ?? pixels)] where !value.isEmpty {
            head += " \(name)=\"\(Self.escaped(value))\""
        }
        head += " shape-rendering=\"crispEdges\">\n"
        head += "<rect width=\"\(side)\" height=\"\(side)\" fill=\"\(code.style.background)\"/>\n"
        head += "<path fill=\"\(code.style.foreground)\" d=\""
        var svg = Array(head.utf8)
        svg.reserveCapacity(svg.count + code.matrix.size * code.matrix.size * 2 + 64)
        Self.appendPathData(code, to: &svg)
        svg.append(contentsOf: "\"/>\n".utf8)
        if let logo = code.style.logo, let box = code.logoBox {
            let margin = code.style.margin
            svg.append(contentsOf: ("<image x=\"\(box.x + margin)\" y=\"\(box.y + margin)\" width=\"\(box.side)\" height=\"\(box.side)\""
                + " preserveAspectRatio=\"xMidYMid meet\""
                + " href=\"data:image/png;base64,\(Data(logo.pngData).base64EncodedString())\"/>\n").utf8)
        }
        svg.append(contentsOf: "</svg>\n".utf8)
        return svg
    }
}

private extension QRSVGRenderer {
    /// `M x y h n v1 h -n z` per horizontal run of dark modules: relative moves keep the numbers
    /// short. Built as bytes straight from the runs: string interpolation per run was a third
    /// of the whole render time, and a list of the runs first cost as much again.
    static func appendPathData(_ code: QRCode, to d: inout [UInt8]) {
        let margin = code.style.margin
        for y in 0 ..< code.matrix.size {
            code.matrix.forEachDarkRun(inRow: y) { x, length in
                d.append(UInt8(ascii: "M"))
                appendDecimal(x + margin, to: &d)
                d.append(UInt8(ascii: " "))
                appendDecimal(y + margin, to: &d)
                d.append(UInt8(ascii: "h"))
                appendDecimal(length, to: &d)
                for byte in "v1h-".utf8 { d.append(byte) }
                appendDecimal(length, to: &d)
                d.append(UInt8(ascii: "z"))
            }
        }
    }

    /// A non-negative number's decimal digits (a symbol's coordinates have at most three).
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        let zero = UInt8(ascii: "0")
        switch value {
        case ..<10:
            bytes.append(zero + UInt8(value))
        case ..<100:
            bytes.append(zero + UInt8(value / 10))
            bytes.append(zero + UInt8(value % 10))
        default:
            appendDecimal(value / 10, to: &bytes)
            bytes.append(zero + UInt8(value % 10))
        }
    }

    static func escaped(_ text: String) -> String {
        // Sizes and colours almost never need it, and Foundation's replacing is slow even then.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
