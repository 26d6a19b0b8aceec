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
    func kept(_ path: String, fingerprint: String) -> OutputRecord? {
        guard let record = previous?.files[path], record.fingerprint == fingerprint,
              inventory[path] == record.stamp else { return nil }
        return record
    }

    /// A page kept as a whole: its file, the images it read (unchanged in content/) and the
    /// published copies it links to (still in place). Returns the records to carry over.
    func keptPage(_ file: String, site: String, fingerprint: String) -> (files: [String: OutputRecord], page: PageRecord)? {
        guard let page = previous?.pages[file], let record = kept("\(site)/\(file)", fingerprint: fingerprint) else { return nil }
        for (image, stamp) in page.images where FileStamp(path: root + "/" + image) != stamp { return nil }
        var files = ["\(site)/\(file)": record]
        for media in page.media {
            guard let copy = kept("\(site)/\(media)", fingerprint: Self.mediaFingerprint(media)) else { return nil }
            files["\(site)/\(media)"] = copy
        }
        return (files, page)
    }

    /// A published copy is named after its content hash: its name is its fingerprint.
    static func mediaFingerprint(_ path: String) -> String { "media:" + path }
}
