/// What one site's render may take over from the previous build, and the checks that decide it.
///
/// A file is kept only when it was made from the same fingerprint *and* is still on disk exactly
/// as the cache recorded it (size, times, inode): an output file edited or deleted by hand is
/// rendered again.
struct PageReuse: Sendable {
    /// The previous build's record of the site; nil renders everything (and records it).
    let previous: SiteCache?
    /// The files in the output folder before this build, which recorded files are verified against.
    let inventory: OutputInventory
    /// Project root, where content images are verified.
    let root: String
    /// Digest of what every page shares except the site context: the binary, the template set,
    /// site.yml and the QR logo. The renderer adds the site context.
    let base: String
    /// Digest of what every QR code shares: the binary, site.yml and the QR logo.
    let codes: String
    /// Content files as loaded: a page's Markdown is fingerprinted by its file's stamp.
    let sources: SourceStamps

    /// The recorded file at `path` (relative to the output folder) when made from `fingerprint`
    /// and unchanged on disk.
    /// A nil `fingerprint` takes the file as recorded (its unit's key already matched).
    func kept(_ path: String, fingerprint: String?) -> OutputRecord? {
        guard let record = previous?.files[path], fingerprint == nil || record.fingerprint == fingerprint,
              inventory[path] == record.stamp else { return nil }
        return record
    }

    /// A page kept as a whole: its file, the images it read (unchanged in content/) and the
    /// published copies it links to (still in place). Returns the records to carry over.
    /// `fingerprint` nil takes the page as recorded: its unit's key already matched.
    func keptPage(_ file: String, site: String, fingerprint: String? = nil) -> KeptPage? {
        let path = "\(site)/\(file)"
        guard let page = previous?.pages[file], let record = kept(path, fingerprint: fingerprint) else { return nil }
        for (image, stamp) in page.images where FileStamp(path: root + "/" + image) != stamp { return nil }
        var kept = KeptPage(page: page, files: [(path, record)])
        for media in page.media {
            let copyPath = "\(site)/\(media)"
            guard let copy = self.kept(copyPath, fingerprint: Self.mediaFingerprint(media)) else { return nil }
            kept.files.append((copyPath, copy))
        }
        return kept
    }

    /// What keeping a page carries over: its record, and its file's and published copies'
    /// records (by path relative to the output folder, the page's file first).
    struct KeptPage {
        var page: PageRecord
        var files: [(path: String, record: OutputRecord)]
    }

    /// A published copy is named after its content hash: its name is its fingerprint.
    static func mediaFingerprint(_ path: String) -> String { "media:" + path }
}
