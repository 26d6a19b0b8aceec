import Foundation
import Testing
import WaymarkCore
import WaymarkTestSupport

/// Every code `waymark build` writes for the example content scans, with two independent decoders,
/// from the PNG and from the SVG rasterised, to exactly the payload the manifest records.
@Suite struct ExampleQRCodeTests {
    @Test func everyExampleCodeDecodesToItsManifestPayload() throws {
        let project = try WaymarkBinary.exampleProject()
        let run = try WaymarkBinary.run(["build", "--root", project])
        try #require(run.status == 0, "\(run.stderr)")
        let manifest = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_manifest.json")))
        let active = manifest.tokens.filter { $0.value.status == .active }
        #expect(active.count == 18)
        for (token, entry) in active.sorted(by: { $0.key < $1.key }) {
            let folder = "\(project)/site/_print/\(entry.site)/qr"
            let png = URL(fileURLWithPath: "\(folder)/\(token).png")
            let svg = URL(fileURLWithPath: "\(folder)/\(token).svg")
            let rasterised = URL(fileURLWithPath: "\(folder)/\(token).svg.png")
            try QRDecoders.rasterise(svg: svg, to: rasterised)
            for image in [png, rasterised] {
                #expect(try QRDecoders.zbar(image) == [entry.payload], "zbarimg: \(image.lastPathComponent)")
                #expect(try QRDecoders.zxing(image) == [entry.payload], "zxing-cpp: \(image.lastPathComponent)")
            }
        }
    }

    @Test func payloadsUseTheShortHostInTheFormTheHostAnswersInOneHop() throws {
        let project = try WaymarkBinary.exampleProject()
        try #require(try WaymarkBinary.run(["build", "--root", project]).status == 0)
        let manifest = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_manifest.json")))
        // hollowcreek is on Netlify (a _redirects rule answers /t/TOKEN) and has a short host;
        // pawprint is on a generic static host, which serves only the trailing-slash form directly.
        #expect(manifest.tokens["88X0WK"]?.payload == "https://hc.example/t/88X0WK")
        #expect(manifest.tokens["DKN4PHQ7B7"]?.payload == "https://pets.pawprint.example/t/DKN4PHQ7B7/")
    }
}
