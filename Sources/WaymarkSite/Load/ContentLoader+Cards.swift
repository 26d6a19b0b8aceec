import Foundation
import WaymarkCore

extension ContentLoader {
    /// Reads the `cards:` section of site.yml; whether cards fit their sizes is checked when they
    /// are laid out.
    func readCardSettings(_ fields: FieldReader?, default location: SourceLocation) -> CardSettings {
        var settings = CardSettings(location: fields?.location ?? location)
        guard let fields else { return settings }
        settings.cardSize = size(fields, "size") ?? settings.cardSize
        settings.passportSize = size(fields, "passport_size") ?? settings.passportSize
        settings.bleed = fields.double("bleed", in: 0...10) ?? settings.bleed
        settings.safeMargin = fields.double("safe_margin", in: 0...30) ?? settings.safeMargin
        settings.allowSmallQR = fields.bool("allow_small_qr", default: false)
        if let qr = fields.double("qr_size", in: 5...200) {
            if qr < CardSettings.minimumQRSize, !settings.allowSmallQR {
                fields.error("'qr_size' is \(CardSettings.Size.number(qr)) mm; codes under \(Int(CardSettings.minimumQRSize)) mm scan poorly: make it larger, or set 'allow_small_qr: true' if you have tested it", at: "qr_size")
            }
            settings.qrSize = qr
        }
        settings.sheet = fields.choice("sheet", as: CardSettings.Sheet.self) ?? settings.sheet
        settings.offset = offset(fields) ?? settings.offset
        settings.font = fields.string("font") ?? settings.font
        fields.finish()
        return settings
    }

    /// `85x55` (millimetres, `x` or `×`) or a name such as `a6`.
    private func size(_ fields: FieldReader, _ key: String) -> CardSettings.Size? {
        guard let text = fields.located(key) else { return nil }
        if let size = CardSettings.Size.parse(text.value) { return size }
        let names = CardSettings.Size.named.keys.sorted().joined(separator: ", ")
        fields.report(.error("'\(key)' must be WIDTHxHEIGHT in millimetres (e.g. 85x55) or one of \(names), found '\(text.value)'", at: text.location))
        return nil
    }

    /// `offset: [0.5, -1]` or `offset: "0.5,-1"`: millimetres right and down.
    private func offset(_ fields: FieldReader) -> (x: Double, y: Double)? {
        guard fields.has("offset") else { return nil }
        let items = fields.strings("offset")
        let parts = items.count == 1 ? items[0].split(separator: ",").map(String.init) : items
        let numbers = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 2, numbers.allSatisfy({ abs($0) <= 20 }) else {
            fields.error("'offset' must be two numbers of millimetres (right, down) between -20 and 20, such as [0.5, -1]", at: "offset")
            return nil
        }
        return (numbers[0], numbers[1])
    }
}

extension CardSettings.Size {
    /// Parses `85x55`, `85×55`, `85 x 55 mm` or a named size.
    static func parse(_ text: String) -> CardSettings.Size? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let named = named[lower] { return named }
        let cleaned = lower.replacingOccurrences(of: "mm", with: "").replacingOccurrences(of: "×", with: "x")
        let parts = cleaned.split(separator: "x").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let width = parts[0], let height = parts[1],
              (20...500).contains(width), (20...500).contains(height) else { return nil }
        return CardSettings.Size(width: width, height: height)
    }
}
