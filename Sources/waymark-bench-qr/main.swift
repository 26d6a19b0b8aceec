// Encodes N token URLs as QR code + SVG + PNG through WaymarkNative and prints codes per second.
// Run by bench/qr/run.sh next to the C and segno baselines; not a test.
import Foundation
import WaymarkNative

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let tokens = BenchTokens.make(count)
var bytes = 0
let start = DispatchTime.now().uptimeNanoseconds
for token in tokens {
    let code = try QRCode(payload: "https://hc.example/t/\(token)/")
    bytes += code.svg().utf8.count
    bytes += try code.png().count
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print("waymark codes=\(count) seconds=\(seconds) per_second=\(Double(count) / seconds) bytes=\(bytes)")
