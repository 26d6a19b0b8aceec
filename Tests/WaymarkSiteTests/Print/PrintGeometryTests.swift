import Testing
@testable import WaymarkSite

/// Sheets: exact page sizes, cards where the stock expects them, crop marks only outside cards.
@Suite struct PrintGeometryTests {
    static let card = CardSettings.Size.businessCard

    static func layout(_ sheet: CardSettings.Sheet, card: CardSettings.Size = card, bleed: Double = 3) -> SheetLayout {
        SheetLayout.make(sheet, card: SheetLayout.cardSize(for: sheet, default: card), bleed: sheet.rawValue.hasPrefix("avery") ? 0 : bleed, offset: (0, 0))
    }

    @Test func singleCardPageIsTrimPlusBleed() {
        let single = Self.layout(.single)
        #expect(single.page == CardSettings.Size(width: 91, height: 61))
        #expect(single.slots == [PrintRect(x: 3, y: 3, width: 85, height: 55)])
        #expect(single.marks.isEmpty && single.hasBoxes)
    }

    @Test func a4HoldsNineCardsLandscapeAndLetterEightPortrait() {
        let a4 = Self.layout(.a4)
        #expect(a4.page == CardSettings.Size(width: 297, height: 210))
        #expect(a4.slots.count == 9)
        #expect(a4.slots.first == PrintRect(x: 15, y: 16.5, width: 85, height: 55))
        let letter = Self.layout(.letter)
        #expect(letter.page == CardSettings.Size(width: 215.9, height: 279.4))
        #expect(letter.slots.count == 8)
        let passports = Self.layout(.a4, card: .a6)
        #expect(passports.slots.count == 2 && passports.page.width == 297)
    }

    @Test func averyPresetsMatchTheStock() {
        let avery5371 = Self.layout(.avery5371)
        #expect(avery5371.page == CardSettings.Size(width: 215.9, height: 279.4))
        #expect(avery5371.slots.count == 10)
        #expect(avery5371.slots[0] == PrintRect(x: 19.05, y: 12.7, width: 88.9, height: 50.8))
        #expect(abs(avery5371.slots[9].maxX - (215.9 - 19.05)) < 1e-9 && abs(avery5371.slots[9].maxY - (279.4 - 12.7)) < 1e-9)
        let c32011 = Self.layout(.averyC32011)
        #expect(c32011.page == CardSettings.Size(width: 210, height: 297))
        #expect(c32011.slots[1] == PrintRect(x: 110, y: 13.5, width: 85, height: 54))
        #expect(c32011.slots[9].maxY == 283.5)
        #expect(avery5371.marks.isEmpty && c32011.marks.isEmpty)
    }

    @Test(arguments: CardSettings.Sheet.allCases)
    func cardsStayOnThePageAndMarksStayOutsideEveryCard(_ sheet: CardSettings.Sheet) {
        for card in [Self.card, CardSettings.Size.a6, CardSettings.Size(width: 54, height: 86)] {
            let layout = Self.layout(sheet, card: card)
            let page = PrintRect(x: 0, y: 0, width: layout.page.width, height: layout.page.height)
            for (i, slot) in layout.slots.enumerated() {
                #expect(page.contains(slot.inset(by: -layout.bleed)), "\(sheet) slot \(i) leaves the page")
                for other in layout.slots[(i + 1)...] {
                    #expect(!slot.inset(by: -layout.bleed).intersects(other.inset(by: -layout.bleed)), "\(sheet): bleeds overlap")
                }
            }
            for mark in layout.marks {
                #expect(page.contains(mark.bounds), "\(sheet): mark off the page")
                // Not even the mark's line width may reach a card's bleed.
                let line = mark.bounds.inset(by: -0.2)
                for slot in layout.slots {
                    #expect(!slot.inset(by: -layout.bleed).intersects(line), "\(sheet): mark \(mark) crosses a card")
                }
            }
            if sheet == .a4 || sheet == .letter {
                // Every cut line has a mark at both ends.
                let cuts = Set(layout.slots.flatMap { [$0.x, $0.maxX] })
                #expect(layout.marks.filter { $0.x1 == $0.x2 }.count == 2 * cuts.count)
            }
        }
    }

    @Test func calibrationOffsetIsKeptForHomeSheetsOnly() {
        #expect(SheetLayout.make(.a4, card: Self.card, bleed: 3, offset: (0.5, -1)).offset == (0.5, -1))
        #expect(SheetLayout.make(.single, card: Self.card, bleed: 3, offset: (0.5, -1)).offset == (0, 0))
    }
}
