/// What changed from one build's cache to the next: the records added or replaced and the keys
/// removed. A rebuild after a small edit appends this to the cache's journal (`BuildCacheFile`)
/// instead of encoding all of its twenty thousand pages' records again.
struct CacheDelta: Sendable {
    var manifest: OutputRecord?
    var removedSites: [String] = []
    var sites: [String: SiteDelta] = [:]
    var removedSources: [String] = []
    var sources: [String: SourceRecord] = [:]

    /// One site's changes.
    struct SiteDelta: Sendable {
        var targets = ""
        var removedFiles: [String] = []
        var files: [String: OutputRecord] = [:]
        var removedPages: [String] = []
        var pages: [String: PageRecord] = [:]
        var removedUnits: [String] = []
        var units: [String: UnitRecord] = [:]

        var isEmpty: Bool { removedFiles.isEmpty && files.isEmpty && removedPages.isEmpty && pages.isEmpty && removedUnits.isEmpty && units.isEmpty }
    }

    /// The changes from `old` to `new`. A build that starts from `old` keeps most records as
    /// they were and makes the rest anew: `fresh` names, by site, the files (paths relative to
    /// the output folder) it rendered now, and `changedSources` the source records it parsed or
    /// restamped. Only those are compared, and keys are searched for removals only when the
    /// counts say some went (looking up every one of 80,000 paths took a tenth of a rebuild).
    init(from old: BuildCache, to new: BuildCache, fresh: [String: Set<String>], changedSources: Set<String>) {
        manifest = new.manifest
        removedSites = old.sites.keys.filter { new.sites[$0] == nil }.sorted()
        for (id, site) in new.sites {
            let before = old.sites[id] ?? SiteCache()
            var delta = SiteDelta(targets: site.targets)
            if let files = fresh[id] {
                let prefix = id + "/"
                let pages = files.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.utf8.count)) : nil }
                Self.diff(before.files, site.files, candidates: files, removed: &delta.removedFiles, changed: &delta.files)
                Self.diff(before.pages, site.pages, candidates: pages, removed: &delta.removedPages, changed: &delta.pages)
            } else {
                // Not built now: a site's records are then the previous build's, unless it is new.
                Self.diff(before.files, site.files, candidates: site.files.keys, removed: &delta.removedFiles, changed: &delta.files)
                Self.diff(before.pages, site.pages, candidates: site.pages.keys, removed: &delta.removedPages, changed: &delta.pages)
            }
            Self.diff(before.units, site.units, candidates: site.units.keys, removed: &delta.removedUnits, changed: &delta.units)
            if !delta.isEmpty || before.targets != site.targets || old.sites[id] == nil { sites[id] = delta }
        }
        Self.diff(old.sources, new.sources, candidates: changedSources, removed: &removedSources, changedBy: { _, _ in true }, changed: &sources)
    }

    /// The records of `new` among `candidates` that differ from `old`'s, and the keys of `old`
    /// that `new` lacks. Every key of `new` that is not a candidate must hold `old`'s record.
    private static func diff<Record: Equatable, Keys: Sequence<String>>(_ old: [String: Record], _ new: [String: Record], candidates: Keys, removed: inout [String], changed: inout [String: Record]) {
        diff(old, new, candidates: candidates, removed: &removed, changedBy: { $0 != $1 }, changed: &changed)
    }

    private static func diff<Record, Keys: Sequence<String>>(_ old: [String: Record], _ new: [String: Record], candidates: Keys, removed: inout [String], changedBy differs: (Record, Record) -> Bool, changed: inout [String: Record]) {
        var added = 0
        for key in candidates {
            guard let record = new[key] else { continue }
            if let before = old[key] {
                if differs(before, record) { changed[key] = record }
            } else {
                added += 1
                changed[key] = record
            }
        }
        // new = (old − removed) + added: only a count that does not add up means keys went.
        if old.count + added != new.count {
            removed = old.keys.filter { new[$0] == nil }.sorted()
        }
    }

    /// Brings `cache` (the state the delta was taken from) to the state it was taken to.
    func apply(to cache: inout BuildCache) {
        cache.manifest = manifest
        for id in removedSites { cache.sites[id] = nil }
        for (id, delta) in sites {
            // Taken out while it changes, so the dictionaries are changed in place, not copied.
            var site = cache.sites.removeValue(forKey: id) ?? SiteCache()
            site.targets = delta.targets
            for path in delta.removedFiles { site.files[path] = nil }
            site.files.merge(delta.files) { $1 }
            for path in delta.removedPages { site.pages[path] = nil }
            site.pages.merge(delta.pages) { $1 }
            for id in delta.removedUnits { site.units[id] = nil }
            site.units.merge(delta.units) { $1 }
            cache.sites[id] = site
        }
        for path in removedSources { cache.sources[path] = nil }
        cache.sources.merge(sources) { $1 }
    }
}

/// A delta in `CacheWriter`'s form, one string table for all of it.
extension CacheDelta {
    func encoded() -> [UInt8] {
        var writer = CacheWriter()
        writer.manifest(manifest)
        writer.list(removedSites)
        writer.int(sites.count)
        for (id, site) in sites.sorted(by: { $0.key < $1.key }) {
            writer.string(id)
            writer.unique(site.targets)
            writer.list(site.removedFiles)
            writer.files(site.files)
            writer.list(site.removedPages)
            writer.pages(site.pages)
            writer.list(site.removedUnits)
            writer.units(site.units)
        }
        writer.list(removedSources)
        writer.sources(sources)
        return writer.finish()
    }

    init(decoding bytes: [UInt8]) throws {
        var reader = try CacheReader(bytes)
        manifest = try reader.manifest()
        removedSites = try reader.list()
        for _ in 0..<(try reader.count()) {
            let id = try reader.string()
            var site = SiteDelta(targets: try reader.unique())
            site.removedFiles = try reader.list()
            site.files = try reader.files()
            site.removedPages = try reader.list()
            site.pages = try reader.pages()
            site.removedUnits = try reader.list()
            site.units = try reader.units()
            sites[id] = site
        }
        removedSources = try reader.list()
        sources = try reader.sources()
        guard reader.isAtEnd else { throw CacheReader.Malformed() }
    }
}
