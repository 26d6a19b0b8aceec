import Foundation
import XCTest
import WaymarkNative

/// Every external tool the QR tests call, in one place: two independent decoders (zbar and
/// zxing-cpp), rsvg-convert to rasterise SVG, and Pillow for a nearest-neighbour upscale.
///
/// A missing tool fails the test with the install line: the Makefile installs them, so a
/// skip would only hide a broken machine.
public enum QRDecoders {
    public struct ToolFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Decodes `code` from its PNG and from its SVG (rasterised by rsvg-convert) with both
    /// decoders and asserts each returns exactly the payload. `zbarUpscale` > 1 enlarges the
    /// image (nearest-neighbour) for zbar only, which needs more than one pixel a module.
    public static func assertDecodes(_ code: QRCode, zbarUpscale: Int = 1, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let png = folder.appendingPathComponent("code.png")
            try Data(code.png()).write(to: png)
            let svg = folder.appendingPathComponent("code.svg")
            try Data(code.svg().utf8).write(to: svg)
            let rasterised = folder.appendingPathComponent("svg.png")
            try rasterise(svg: svg, to: rasterised)
            for image in [png, rasterised] {
                let forZbar = zbarUpscale > 1 ? try nearestUpscale(image, by: zbarUpscale) : image
                let source = image == png ? "PNG" : "SVG"
                XCTAssertEqual(try zbar(forZbar), [code.payload], "zbarimg on the \(source)", file: file, line: line)
                XCTAssertEqual(try zxing(image), [code.payload], "zxing-cpp on the \(source)", file: file, line: line)
            }
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    /// Texts zbarimg reads in the image (empty when it finds none).
    public static func zbar(_ png: URL) throws -> [String] {
        let result = try run("zbarimg", ["--raw", "-q", png.path], install: "apt-get install zbar-tools")
        // Exit 4 means "no symbol found"; --raw ends each text with a newline.
        guard result.status == 0 || result.status == 4 else { throw ToolFailure(description: "zbarimg: \(result.error)") }
        guard result.status == 0 else { return [] }
        return [String(result.output.dropLast(result.output.hasSuffix("\n") ? 1 : 0))]
    }

    /// Texts zxing-cpp reads in the image, through its Python binding and Pillow.
    public static func zxing(_ png: URL) throws -> [String] {
        let script = """
        import sys, json, zxingcpp
        from PIL import Image
        found = zxingcpp.read_barcodes(Image.open(sys.argv[1]).convert("RGB"))
        print(json.dumps([r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode]))
        """
        let result = try run("python3", ["-c", script, png.path], install: "pip install zxing-cpp pillow")
        guard result.status == 0 else { throw ToolFailure(description: "zxing-cpp: \(result.error)") }
        return try JSONDecoder().decode([String].self, from: Data(result.output.utf8))
    }

    /// Rasterises an SVG at its own width and height.
    public static func rasterise(svg: URL, to png: URL) throws {
        let result = try run("rsvg-convert", ["-o", png.path, svg.path], install: "apt-get install librsvg2-bin")
        guard result.status == 0 else { throw ToolFailure(description: "rsvg-convert: \(result.error)") }
    }

    /// A copy of the image `factor` times larger, nearest-neighbour (no new grey levels).
    public static func nearestUpscale(_ png: URL, by factor: Int) throws -> URL {
        let target = png.deletingPathExtension().appendingPathExtension("x\(factor).png")
        let script = """
        import sys
        from PIL import Image
        image = Image.open(sys.argv[1])
        image.resize((image.width * \(factor), image.height * \(factor)), Image.NEAREST).save(sys.argv[2])
        """
        let result = try run("python3", ["-c", script, png.path, target.path], install: "pip install pillow")
        guard result.status == 0 else { throw ToolFailure(description: "Pillow: \(result.error)") }
        return target
    }

    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private extension QRDecoders {
    static func run(_ tool: String, _ arguments: [String], install: String) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = String(decoding: error, as: UTF8.self)
        // env exits 127 when the tool is not on PATH; Python says which module is missing.
        if process.terminationStatus == 127 || errorText.contains("ModuleNotFoundError") {
            throw ToolFailure(description: "\(tool) is missing (\(errorText.trimmingCharacters(in: .whitespacesAndNewlines))): \(install), or run `make test-deps`")
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), errorText)
    }
}
