import Foundation

/// Opens a URL in the user's browser, for `waymark serve --open`.
public enum PreviewBrowser {
    /// Starts the desktop's opener and returns at once; false when there is none (a server, CI).
    @discardableResult
    public static func open(_ url: String) -> Bool {
        #if os(macOS)
        let opener = "/usr/bin/open"
        #else
        let opener = "/usr/bin/xdg-open"
        #endif
        guard FileManager.default.isExecutableFile(atPath: opener) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return (try? process.run()) != nil
    }
}
