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
    /// `pages`: false leaves the page records to be merged apart.
    mutating func reserveCapacity(for others: [RenderRecords], pages: Bool = true) {
        fresh.reserveCapacity(fresh.count + others.reduce(0) { $0 + $1.fresh.count })
        kept.reserveCapacity(kept.count + others.reduce(0) { $0 + $1.kept.count })
        if pages { self.pages.reserveCapacity(self.pages.count + others.reduce(0) { $0 + $1.pages.count }) }
        units.reserveCapacity(units.count + others.reduce(0) { $0 + $1.units.count })
    }

    /// Adds `other`'s records and counts; `pages`: false leaves its page records out.
    mutating func merge(_ other: RenderRecords, pages: Bool = true) {
        if pages, fresh.capacity == 0, kept.capacity == 0, self.pages.capacity == 0, units.capacity == 0 {
            // The first merge into an empty record (with no room reserved) takes the other's
            // storage as is.
            let counts = (pagesRendered, pagesKept, codesRendered, codesKept)
            self = other
            (pagesRendered, pagesKept, codesRendered, codesKept) = (counts.0 + other.pagesRendered, counts.1 + other.pagesKept, counts.2 + other.codesRendered, counts.3 + other.codesKept)
            return
        }
        fresh.merge(other.fresh) { $1 }
        kept.merge(other.kept) { $1 }
        if pages { self.pages.merge(other.pages) { $1 } }
        units.merge(other.units) { $1 }
        pagesRendered += other.pagesRendered
        pagesKept += other.pagesKept
        codesRendered += other.codesRendered
        codesKept += other.codesKept
    }
}
