import XCTest
import WaymarkNative

/// The SVG's structure: exact viewBox, one path, background rect, crisp edges, sizes.
final class QRSVGRendererTests: XCTestCase {
    func testStructure() throws {
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/")
        let svg = code.svg()
        let side = code.matrix.size + 8
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" "
            + "width=\"\(side * 8)\" height=\"\(side * 8)\" shape-rendering=\"crispEdges\">"))
        XCTAssertTrue(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#ffffff\"/>"))
        XCTAssertEqual(svg.components(separatedBy: "<path").count, 2)
        // One subpath per merged run: as many as the vector path has rectangles.
        XCTAssertEqual(svg.components(separatedBy: "z").count - 1, code.vectorPath.rectangles.count)
    }

    func testWidthAndHeightAreSettableOrLeftOut() throws {
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/")
        XCTAssertTrue(code.svg(width: "30mm", height: "30mm").contains(" width=\"30mm\" height=\"30mm\" "))
        let bare = code.svg(width: "", height: "")
        XCTAssertFalse(bare.contains(" width=\"") && bare.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\" width"))
        XCTAssertTrue(bare.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\" shape-rendering"))
    }
}
