import WaymarkCore

/// A content file's parsed front matter (or a whole ledger file's parse) as the previous build found it. The parse depends only on
/// the file's path and its front matter text (and line), so an identical front matter is not
/// parsed again; a file with the same stamp is not even read (`SourceCache`).
struct SourceRecord: Sendable {
    /// Digest of the front matter text (of the whole file, for a ledger).
    var frontMatter: String
    var frontMatterLine: Int
    /// Where the Markdown body starts, for a file taken over without reading it.
    var bodyLine: Int
    /// Digest of the Markdown body as last read (nil for ledgers): what a page's fingerprint
    /// takes for the body, whether or not this build read the file.
    var body: String?
    /// The file's stamp when it was read; nil for files not stamped (ledgers).
    var stamp: FileStamp?
    /// What parsing reported (warnings: a parse with errors is never recorded).
    var diagnostics: [Diagnostic]
    var item: Item

    enum Item: Sendable {
        /// A stop, with an empty body.
        case stop(Stop)
        /// A trail's `index.md`, with an empty body and no stops.
        case trail(Trail)
        /// A site's `tokens.yml` (keyed on a digest of the whole file).
        case ledger(TokenLedger)
    }
}
