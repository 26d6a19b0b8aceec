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
    public func render(_ code: QRCode) -> String {
        let side = code.sideInModules
        let pixels = String(side * code.style.scale)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""
        for (name, value) in [("width", width ?? pixels), ("height", height ?? pixels)] where !value.isEmpty {
            svg += " \(name)=\"\(Self.escaped(value))\""
        }
        svg += " shape-rendering=\"crispEdges\">\n"
        svg += "<rect width=\"\(side)\" height=\"\(side)\" fill=\"\(code.style.background)\"/>\n"
        svg += "<path fill=\"\(code.style.foreground)\" d=\"\(Self.pathData(code))\"/>\n"
        if let logo = code.style.logo, let box = code.logoBox {
            let margin = code.style.margin
            svg += "<image x=\"\(box.x + margin)\" y=\"\(box.y + margin)\" width=\"\(box.side)\" height=\"\(box.side)\""
                + " preserveAspectRatio=\"xMidYMid meet\""
                + " href=\"data:image/png;base64,\(Data(logo.pngData).base64EncodedString())\"/>\n"
        }
        return svg + "</svg>\n"
    }
}

private extension QRSVGRenderer {
    /// `M x y h n v1 h -n z` per dark run: relative moves keep the numbers short. Built as
    /// bytes because string interpolation per run was a third of the whole render time.
    static func pathData(_ code: QRCode) -> String {
        let margin = code.style.margin
        var d: [UInt8] = []
        d.reserveCapacity(code.matrix.size * code.matrix.size * 2)
        for run in code.matrix.darkRuns() {
            d.append(UInt8(ascii: "M"))
            appendDecimal(run.x + margin, to: &d)
            d.append(UInt8(ascii: " "))
            appendDecimal(run.y + margin, to: &d)
            d.append(UInt8(ascii: "h"))
            appendDecimal(run.length, to: &d)
            d.append(contentsOf: "v1h-".utf8)
            appendDecimal(run.length, to: &d)
            d.append(UInt8(ascii: "z"))
        }
        return String(decoding: d, as: UTF8.self)
    }

    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    static func escaped(_ text: String) -> String {
        // Sizes and colours almost never need it, and Foundation's replacing is slow even then.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
