import WaymarkCore

/// A content file's parsed front matter as the previous build found it. The parse depends only on
/// the file's path and its front matter text (and line), so an identical front matter is not
/// parsed again; the body is always taken fresh from the file.
struct SourceRecord: Sendable {
    var frontMatter: String
    var frontMatterLine: Int
    /// What parsing reported (warnings: a parse with errors is never recorded).
    var diagnostics: [Diagnostic]
    var item: Item

    enum Item: Sendable {
        /// A stop, with an empty body.
        case stop(Stop)
        /// A trail's `index.md`, with an empty body and no stops.
        case trail(Trail)
    }
}
