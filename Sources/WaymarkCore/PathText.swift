/// Path arithmetic on '/'-separated strings.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on Linux for a path without a '/'
/// (`"public"`, as in `--output public`), so the build does its own, and never touches the disk.
public enum PathText {
    /// The folder holding `path`: `"a/b"` for `"a/b/c"`, `"/"` for `"/a"`, `""` for `"a"`.
    public static func parent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return folder.isEmpty ? "/" : folder
    }

    /// The last component of `path`: `"c"` for `"a/b/c"` and for `"a/b/c/"`.
    public static func name(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `name` inside `folder`; an empty folder is the working folder.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        // "/" stays "/": the root has no trailing slash to lose.
        return end == path.startIndex && !path.isEmpty ? "/" : String(path[..<end])
    }
}
