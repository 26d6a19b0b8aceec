/// What a site's render tells the build cache: how each file it produced was made, and how much
/// it rendered versus kept (the statistic `--verbose` prints and tests assert).
struct RenderRecords: Sendable {
    /// Files rendered now, by path relative to the output folder: their fingerprint (stamped after
    /// the write).
    var fresh: [String: String] = [:]
    /// Files kept from the previous build, with their verified records.
    var kept: [String: OutputRecord] = [:]
    /// Pages (site-relative), rendered or kept.
    var pages: [String: PageRecord] = [:]
    /// Render units whose every page was recorded, by id.
    var units: [String: UnitRecord] = [:]
    /// The link check's targets digest (`LinkCheck.targetsDigest`), set once per site.
    var targets: String?
    var pagesRendered = 0
    var pagesKept = 0
    var codesRendered = 0
    var codesKept = 0

    /// Room for the records of `others` as well, so merging them all grows each table once.
    /// The page records are left out, as `mergeExceptPages` leaves them.
    mutating func reserveCapacity(for others: [RenderRecords]) {
        fresh.reserveCapacity(fresh.count + others.reduce(0) { $0 + $1.fresh.count })
        kept.reserveCapacity(kept.count + others.reduce(0) { $0 + $1.kept.count })
        units.reserveCapacity(units.count + others.reduce(0) { $0 + $1.units.count })
    }

    /// Adds `other`'s file and unit records and its counts. The page records are merged apart:
    /// the render merges them on another core (`SiteRenderer.Merged`), and QR codes have none.
    mutating func mergeExceptPages(_ other: RenderRecords) {
        fresh.merge(other.fresh) { $1 }
        kept.merge(other.kept) { $1 }
        units.merge(other.units) { $1 }
        pagesRendered += other.pagesRendered
        pagesKept += other.pagesKept
        codesRendered += other.codesRendered
        codesKept += other.codesKept
    }
}
