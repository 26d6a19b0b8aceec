/// What a build leaves for the next one: for every output file, what it was made from and how it
/// looked on disk. Kept in `<project>/.waymark-cache/`, never in the output folder; deleting it
/// only makes the next build a full one.
struct BuildCache: Sendable {
    /// The output folder (absolute) the recorded files live in: a build into another folder
    /// cannot trust them.
    var output: String
    /// By site id.
    var sites: [String: SiteCache] = [:]
    /// `_manifest.json` as the previous build wrote it (fingerprinted by `Manifest.fingerprint`).
    var manifest: OutputRecord?
    /// Parsed front matter of content files, by project-relative path.
    var sources: [String: SourceRecord] = [:]
    /// How the cache file stood when this cache was read from it (not saved): what lets the next
    /// save append a journal entry instead of writing everything again.
    var file: CacheFileState?
}

/// One site's recorded output.
struct SiteCache: Sendable {
    /// Output files by path relative to the output folder (`<id>/trails/x/index.html`,
    /// `_print/<id>/qr/ABC123.svg`).
    var files: [String: OutputRecord] = [:]
    /// Pages by path relative to the site folder: what else rendering them used or found.
    var pages: [String: PageRecord] = [:]
    /// What the site's links resolved against (`LinkCheck.targetsDigest`).
    var targets = ""
    /// Render units (a trail with its stops, a pet, a page) by id: what they were made from.
    var units: [String: UnitRecord] = [:]
}

/// A render unit as the previous build made it: while the digest of its inputs is the same, its
/// pages are kept as recorded without building their contexts (`PageEmitter.unit`).
struct UnitRecord: Sendable, Equatable {
    /// Digest of the site digest and every source file of the unit with its stamp.
    var inputs: String
    /// The unit's pages (site-relative), each recorded in `SiteCache.files` and `pages`.
    var pages: [String]
}

/// An output file as the previous build left it.
struct OutputRecord: Sendable, Equatable {
    /// Digest of everything the file was made from (`Fingerprint`).
    var fingerprint: String
    var stamp: FileStamp
}

/// A rendered page's dependencies besides its context, and what the link check needs from it.
struct PageRecord: Sendable, Equatable {
    /// Images read from content (project-relative), with their stamp when read.
    var images: [String: FileStamp] = [:]
    /// Published image copies the page links to (site-relative `media/…`).
    var media: [String] = []
    /// Links written in the page's Markdown, in order.
    var links: [ContentLink] = []
    /// Site-relative `href`/`src` values and element ids found in the page's HTML.
    var html = PageLinks()
}
