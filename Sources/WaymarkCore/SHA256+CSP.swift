import Foundation

public extension SHA256 {
    /// The `'sha256-…'` source expression a Content-Security-Policy uses to allow one inline script.
    static func cspSource(for script: String) -> String {
        "'sha256-" + Data(hash(Array(script.utf8))).base64EncodedString() + "'"
    }
}
