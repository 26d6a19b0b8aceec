import XCTest
import WaymarkNative

/// The vector path covers exactly the dark modules and scales into a target square.
final class QRVectorPathTests: XCTestCase {
    func testRectanglesCoverExactlyTheDarkModules() throws {
        let code = try QRCode(payload: "https://pets.pawprint.example/t/4XKQ9T2MPA/")
        let path = code.vectorPath
        XCTAssertEqual(path.side, code.matrix.size + 8)
        var covered = Set<Int>()
        for r in path.rectangles {
            XCTAssertEqual(r.height, 1)
            for x in Int(r.x) ..< Int(r.x + r.width) { covered.insert(Int(r.y) * path.side + x) }
        }
        let dark = (0 ..< code.matrix.size).flatMap { y in
            (0 ..< code.matrix.size).filter { code.matrix[$0, y] }.map { (y + 4) * path.side + $0 + 4 }
        }
        XCTAssertEqual(covered, Set(dark))
        XCTAssertLessThan(path.rectangles.count, dark.count)
    }

    func testScalingIntoATwentyMillimetreSquare() throws {
        let code = try QRCode(payload: "https://hc.example/t/7KQ2MX/")
        let side = QRVectorPath.points(millimetres: 20)
        XCTAssertEqual(side, 56.69, accuracy: 0.01)
        let scaled = code.vectorPath.scaled(toSquareOfSide: side, x: 10, y: 20)
        let unit = side / Double(code.sideInModules)
        let first = try XCTUnwrap(scaled.rectangles.first)
        XCTAssertEqual(first.x, 10 + 4 * unit, accuracy: 1e-9)
        XCTAssertEqual(first.y, 20 + 4 * unit, accuracy: 1e-9)
        XCTAssertEqual(first.height, unit, accuracy: 1e-9)
    }
}
