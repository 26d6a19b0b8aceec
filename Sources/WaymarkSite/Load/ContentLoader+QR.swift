import WaymarkCore

extension ContentLoader {
    /// Reads the `qr:` section of site.yml; colours and levels are checked when codes are made.
    func readQRSettings(_ fields: FieldReader?, site: String, default location: SourceLocation) -> QRSettings {
        var settings = QRSettings(location: fields?.location ?? location)
        guard let fields else { return settings }
        settings.foreground = fields.string("foreground") ?? settings.foreground
        settings.background = fields.string("background") ?? settings.background
        if let level = fields.located("level") {
            if ["L", "M", "Q", "H"].contains(level.value.uppercased()) {
                settings.level = level.value.uppercased()
            } else {
                fields.report(.error("'level' must be one of L, M, Q, H, found '\(level.value)'", at: level.location))
            }
        }
        settings.scale = fields.int("scale", in: 1...100) ?? settings.scale
        settings.margin = fields.int("margin", in: 0...40) ?? settings.margin
        settings.logo = fields.string("logo").map { "\(site)/\($0)" }
        settings.uppercase = fields.bool("uppercase", default: false)
        settings.allowLowContrast = fields.bool("allow_low_contrast", default: false)
        settings.allowInverted = fields.bool("allow_inverted", default: false)
        fields.finish()
        return settings
    }
}
