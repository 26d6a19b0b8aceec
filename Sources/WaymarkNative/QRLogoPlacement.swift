/// A logo fitted (aspect kept, centred) into a square pixel box and composited over a colour.
struct QRLogoPlacement {
    let logo: PNGImage
    let boxOrigin: Int
    let boxSide: Int

    /// Each target pixel averages the logo pixels it covers (plain area sampling), so a large
    /// logo shrinks without aliasing and a small one grows as crisp blocks.
    func composite(into rgb: inout [UInt8], width: Int, background: RGBColor) {
        guard logo.width > 0, logo.height > 0 else { return }
        let fit = min(Double(boxSide) / Double(logo.width), Double(boxSide) / Double(logo.height))
        let drawnWidth = max(1, Int((Double(logo.width) * fit).rounded()))
        let drawnHeight = max(1, Int((Double(logo.height) * fit).rounded()))
        let left = boxOrigin + (boxSide - drawnWidth) / 2
        let top = boxOrigin + (boxSide - drawnHeight) / 2
        for ty in 0 ..< drawnHeight {
            let sy0 = ty * logo.height / drawnHeight
            let sy1 = max(sy0 + 1, (ty + 1) * logo.height / drawnHeight)
            for tx in 0 ..< drawnWidth {
                let sx0 = tx * logo.width / drawnWidth
                let sx1 = max(sx0 + 1, (tx + 1) * logo.width / drawnWidth)
                var sum = (r: 0, g: 0, b: 0, a: 0), count = 0
                for sy in sy0 ..< sy1 {
                    for sx in sx0 ..< sx1 {
                        let s = (sy * logo.width + sx) * 4
                        let alpha = Int(logo.rgba[s + 3])
                        sum.r += Int(logo.rgba[s]) * alpha
                        sum.g += Int(logo.rgba[s + 1]) * alpha
                        sum.b += Int(logo.rgba[s + 2]) * alpha
                        sum.a += alpha
                        count += 1
                    }
                }
                let t = ((top + ty) * width + left + tx) * 3
                let coverage = sum.a / count  // 0…255
                func blend(_ premultiplied: Int, _ under: UInt8) -> UInt8 {
                    UInt8((premultiplied / count + Int(under) * (255 - coverage)) / 255)
                }
                rgb[t] = blend(sum.r, background.red)
                rgb[t + 1] = blend(sum.g, background.green)
                rgb[t + 2] = blend(sum.b, background.blue)
            }
        }
    }
}
