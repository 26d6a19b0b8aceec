import Testing
@testable import WaymarkSite

/// A card's parts: the code and text inside the safe area, never overlapping, the code at the
/// size asked for with a quiet zone of four modules.
@Suite struct PrintLayoutTests {
    static func settings(qr: Double = 22) -> CardSettings {
        var settings = CardSettings(location: .init(path: "content/acme/site.yml"))
        settings.qrSize = qr
        return settings
    }

    @Test(arguments: [
        (CardSettings.Size.businessCard, 25), (CardSettings.Size.businessCard, 29), (CardSettings.Size(width: 88.9, height: 50.8), 29),
        (CardSettings.Size(width: 85, height: 54), 33), (CardSettings.Size.a6, 29),
    ])
    func partsStayInsideTheSafeAreaApart(size: CardSettings.Size, modules: Int) throws {
        let geometry = CardGeometry(size: size, bleed: 3, safeMargin: 4)
        let layout = try CardLayout(geometry: geometry, settings: Self.settings(), hasBand: true, code: modules, quietZone: 4)
        let code = try #require(layout.code), symbol = try #require(layout.symbol), caption = try #require(layout.caption)
        for part in [code, layout.text, caption, layout.bandText!] {
            #expect(geometry.safe.contains(part), "\(part) leaves the safe area of \(size)")
        }
        #expect(!layout.text.intersects(code) && !layout.text.intersects(caption) && !caption.intersects(code))
        #expect(!layout.band!.intersects(code), "the quiet zone must stay light")
        #expect(abs(symbol.width - 22) < 1e-9 && symbol.width >= CardSettings.minimumQRSize)
        let module = symbol.width / Double(modules)
        #expect(abs((symbol.x - code.x) / module - 4) < 1e-9, "quiet zone in modules")
        #expect(layout.band!.x == -3 && layout.band!.y == -3, "the band runs into the bleed")
    }

    @Test func aCodeThatCannotFitIsAnErrorNotASmallerCode() {
        let geometry = CardGeometry(size: CardSettings.Size(width: 60, height: 30), bleed: 3, safeMargin: 4)
        #expect(throws: LayoutProblem.self) {
            try CardLayout(geometry: geometry, settings: Self.settings(), hasBand: true, code: 25, quietZone: 4)
        }
    }
}
