import Foundation
internal import CPangoCairo

/// A Pango font map over Waymark's fontconfig rules, lent to one canvas at a time.
///
/// Pango font maps are not thread-safe, and building one reads fontconfig's caches (tens of
/// milliseconds), so maps are pooled: a canvas borrows one for its lifetime and gives it back,
/// and concurrent canvases (parallel tests, say) each get their own.
final class PDFFontMap: @unchecked Sendable {
    /// Fontconfig rules added to the system's: refuse colour-bitmap emoji fonts, which cairo
    /// embeds as a blurry 72 ppi image that text extraction misses; emoji then come from a vector
    /// font such as Symbola.
    static let rules = """
    <?xml version="1.0"?>
    <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
    <fontconfig>
      <selectfont>
        <rejectfont>
          <glob>*/NotoColorEmoji.ttf</glob>
          <pattern><patelt name="color"><bool>true</bool></patelt></pattern>
        </rejectfont>
      </selectfont>
    </fontconfig>
    """

    let pointer: UnsafeMutablePointer<PangoFontMap>

    private init(pointer: UnsafeMutablePointer<PangoFontMap>) { self.pointer = pointer }

    deinit { waymark_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// Borrows a map from the pool (making one when none is free).
    static func borrow() throws(PDFError) -> PDFFontMap {
        if let map = Pool.shared.take() { return map }
        guard let raw = waymark_font_map_new(rules) else { throw .fontconfig }
        return PDFFontMap(pointer: raw)
    }

    /// Returns a borrowed map.
    func giveBack() { Pool.shared.put(self) }

    private final class Pool: @unchecked Sendable {
        static let shared = Pool()
        private let lock = NSLock()
        private var free: [PDFFontMap] = []

        func take() -> PDFFontMap? { lock.withLock { free.popLast() } }
        func put(_ map: PDFFontMap) { lock.withLock { free.append(map) } }
    }
}
