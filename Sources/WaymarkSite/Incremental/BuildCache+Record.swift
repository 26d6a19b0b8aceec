import WaymarkCore

/// Turning a build's render records into the next build's cache.
extension BuildCache {
    /// Records what the build of `site` left in the output folder: kept files with their verified
    /// stamps, files rendered now with the stamp they have after the write (`written`, by path
    /// relative to the output folder, else looked up). A file that cannot be stamped is left out,
    /// so the next build renders it again. The kept files' table moves out of `records`: held
    /// there too, it would be copied whole before the first fresh record is added.
    mutating func record(_ site: String, _ records: inout RenderRecords, written: [String: FileStamp] = [:]) {
        var cache = SiteCache()
        swap(&cache.files, &records.kept)
        // A full build's eighty thousand records: the table grows once, not a dozen times.
        cache.files.reserveCapacity(cache.files.count + records.fresh.count)
        for (path, fingerprint) in records.fresh {
            if let stamp = written[path] ?? FileStamp(path: output + "/" + path) { cache.files[path] = OutputRecord(fingerprint: fingerprint, stamp: stamp) }
        }
        cache.pages = records.pages
        cache.units = records.units
        cache.targets = records.targets ?? ""
        sites[site] = cache
    }

    /// Whether `records` would record exactly what the cache holds: nothing rendered now, every
    /// recorded file and page kept, the same link targets. Then there is nothing to save.
    func records(_ records: [SiteID: RenderRecords]) -> Bool {
        records.allSatisfy { id, site in
            guard let cached = sites[id.rawValue] else { return false }
            return site.fresh.isEmpty && site.kept.count == cached.files.count && site.pages.count == cached.pages.count
                && site.targets ?? "" == cached.targets && site.units == cached.units
        }
    }
}
