/// A square of modules in symbol coordinates (no quiet zone): where a logo sits.
public struct QRModuleBox: Equatable, Sendable {
    /// Left column.
    public let x: Int
    /// Top row.
    public let y: Int
    /// Modules per side.
    public let side: Int

    public init(x: Int, y: Int, side: Int) {
        self.x = x
        self.y = y
        self.side = side
    }

    /// This box grown by `modules` on every side.
    func inset(by modules: Int) -> QRModuleBox {
        QRModuleBox(x: x - modules, y: y - modules, side: side + 2 * modules)
    }
}
