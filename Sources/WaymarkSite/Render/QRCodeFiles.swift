import WaymarkCore
import WaymarkNative

/// The QR code of every live token as SVG and PNG, for `site/_print/<id>/qr/`.
struct QRCodeFiles {
    let input: RenderInput

    func render() throws(DiagnosticsError) -> OutputTree {
        var tree = OutputTree()
        for item in input.site.issuedTokens {
            do {
                let code = try QRCode(payload: input.payload(for: item.token), style: input.qrStyle)
                tree.add("\(item.token).svg", code.svg())
                tree.add("\(item.token).png", bytes: try code.png())
            } catch {
                throw DiagnosticsError([.error("cannot make the QR code for \(item.token): \(error.description)", at: item.location)])
            }
        }
        return tree
    }
}
