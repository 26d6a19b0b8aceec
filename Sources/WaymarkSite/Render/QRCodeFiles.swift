import WaymarkCore
import WaymarkNative

/// The QR code of every live token as SVG and PNG, for `site/_print/<id>/qr/`.
struct QRCodeFiles {
    let input: RenderInput

    func render() throws(DiagnosticsError) -> OutputTree {
        let slices = Parallel.slices(input.site.issuedTokens, size: 128)
        let results = Parallel.map(slices) { tokens -> Result<[(String, [UInt8])], DiagnosticsError> in
            var files: [(String, [UInt8])] = []
            for item in tokens {
                do {
                    let code = try QRCode(payload: input.payload(for: item.token), style: input.qrStyle)
                    files.append(("\(item.token).svg", Array(code.svg().utf8)))
                    files.append(("\(item.token).png", try code.png()))
                } catch {
                    return .failure(DiagnosticsError([.error("cannot make the QR code for \(item.token): \(error)", at: item.location)]))
                }
            }
            return .success(files)
        }
        var tree = OutputTree()
        for result in results {
            for (path, bytes) in try result.get() { tree.add(path, bytes: bytes) }
        }
        return tree
    }
}
