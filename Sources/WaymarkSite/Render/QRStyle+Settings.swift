import WaymarkNative

extension QRStyle {
    /// The style a site's settings describe; throws when it would make codes scanners may miss.
    init(_ settings: QRSettings, root: String) throws(QRError) {
        self.init()
        guard let foreground = RGBColor(hex: settings.foreground) else { throw .invalidColor(settings.foreground) }
        guard let background = RGBColor(hex: settings.background) else { throw .invalidColor(settings.background) }
        self.foreground = foreground
        self.background = background
        errorCorrection = QRErrorCorrection(letter: settings.level) ?? .medium
        scale = settings.scale
        margin = settings.margin
        allowsLowContrast = settings.allowLowContrast
        allowsInverted = settings.allowInverted
        if let logo = settings.logo { self.logo = try QRLogo(pngFile: "\(root)/\(logo)") }
        try validate()
    }
}
