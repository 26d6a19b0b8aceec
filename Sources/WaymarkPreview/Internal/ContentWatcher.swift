/// Notices changes to the files a build reads (content/ and templates/ below the project root)
/// and reports their paths, relative to the root, from a thread of its own.
protocol ContentWatcher: AnyObject, Sendable {
    /// How it watches, for the terminal: `inotify` or `polling`.
    var method: String { get }
    func start(_ onChange: @escaping @Sendable ([String]) -> Void)
    func stop()
}

enum WatchedFiles {
    /// The folders a build reads, relative to the project root.
    static let folders = ["content", "templates"]

    /// Editors' swap, backup and lock files: saving a file touches these too, and a rebuild for
    /// them would only repeat the one the real file triggers.
    static func isNoise(_ name: Substring) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".tmp")
            || name.hasPrefix(".#") || name == "4913" || name == ".DS_Store"
    }

    static func isNoise(path: String) -> Bool {
        isNoise(path.split(separator: "/").last ?? Substring(path))
    }
}
