import WaymarkCore
import WaymarkNative

/// Checks a site's QR settings before any code is made: colours scanners can read, a usable logo,
/// and an upper-case payload only where upper case does not change the URL's meaning.
enum QRSettingsCheck {
    /// The style to make the site's codes with, or the diagnostics explaining why there is none.
    static func style(for config: SiteConfig, root: String) -> Result<QRStyle, DiagnosticsError> {
        var problems: [Diagnostic] = []
        if config.qr.uppercase, !(config.shortURL ?? config.baseURL).pathPrefix.isEmpty {
            problems.append(.error("'uppercase' needs a payload URL without a path: paths are case-sensitive (set 'short_url' to a bare host)", at: config.qr.location))
        }
        do {
            let style = try QRStyle(config.qr, root: root)
            return problems.isEmpty ? .success(style) : .failure(DiagnosticsError(problems))
        } catch {
            let hint: String
            switch error {
            case .lowContrast: hint = "; set 'allow_low_contrast: true' under qr: to print it anyway"
            case .inverted: hint = "; set 'allow_inverted: true' under qr: to print it anyway"
            default: hint = ""
            }
            problems.append(.error("QR codes: \(error.description)\(hint)", at: config.qr.location))
            return .failure(DiagnosticsError(problems))
        }
    }
}
