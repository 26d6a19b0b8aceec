import WaymarkCore

/// How a site's QR codes look, from the `qr:` section of site.yml.
public struct QRSettings: Sendable {
    public var foreground = "#000000"
    public var background = "#ffffff"
    /// Error-correction level letter: L, M, Q or H.
    public var level = "M"
    /// Pixels per module in PNG files.
    public var scale = 8
    /// Quiet zone in modules.
    public var margin = 4
    /// A PNG drawn in the centre (forces level H), relative to the project root.
    public var logo: String?
    /// Print the payload in upper case: QR alphanumeric mode, often one version smaller. Needs a
    /// payload host without a path, and writes redirect pages under `/T/` as well as `/t/`.
    public var uppercase = false
    /// Print codes below the contrast scanners need, or light on dark: only after testing them.
    public var allowLowContrast = false
    public var allowInverted = false
    /// Where the settings are written, for problems found when a code is made.
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }
}
