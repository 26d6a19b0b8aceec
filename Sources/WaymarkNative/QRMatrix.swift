/// The modules of one QR symbol, without quiet zone: `size × size`, row-major, `true` = dark.
///
/// Made by libqrencode (see `QRMatrix+Encoding.swift`); a plain value afterwards, so the
/// renderers and the print code never touch C.
public struct QRMatrix: Equatable, Sendable {
    /// Modules per side (`4 × version + 17`).
    public let size: Int
    /// QR version, 1…40.
    public let version: Int
    /// The error-correction level the symbol was encoded at.
    public let errorCorrection: QRErrorCorrection
    /// How the payload was packed.
    public let mode: QREncodingMode
    /// `size × size` modules, row by row; `true` is a dark module.
    public private(set) var modules: [Bool]

    /// A matrix from raw modules (tests and callers that bring their own encoder).
    public init(size: Int, version: Int, errorCorrection: QRErrorCorrection, mode: QREncodingMode, modules: [Bool]) {
        precondition(modules.count == size * size, "a QR matrix needs size × size modules")
        self.size = size
        self.version = version
        self.errorCorrection = errorCorrection
        self.mode = mode
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Turns every module of the square `box` light (to make room for a logo).
    mutating func clear(_ box: QRModuleBox) {
        for y in max(box.y, 0) ..< min(box.y + box.side, size) {
            for x in max(box.x, 0) ..< min(box.x + box.side, size) {
                modules[y * size + x] = false
            }
        }
    }

    /// Dark runs of each row as `(row, start, length)`, the shape every renderer draws.
    func darkRuns() -> [(y: Int, x: Int, length: Int)] {
        var runs: [(y: Int, x: Int, length: Int)] = []
        runs.reserveCapacity(size * size / 4)
        for y in 0 ..< size {
            forEachDarkRun(inRow: y) { x, length in runs.append((y, x, length)) }
        }
        return runs
    }

    /// Calls `body` with the start and length of each run of dark modules in row `y`, left to
    /// right, without making a list (the PNG and SVG of every token are drawn from these).
    func forEachDarkRun(inRow y: Int, _ body: (_ x: Int, _ length: Int) -> Void) {
        modules.withUnsafeBufferPointer { modules in
            let row = modules[(y * size) ..< ((y + 1) * size)]
            var x = row.startIndex
            while x < row.endIndex {
                guard row[x] else { x += 1; continue }
                let start = x
                while x < row.endIndex, row[x] { x += 1 }
                body(start - row.startIndex, x - start)
            }
        }
    }
}
