import WaymarkCore

/// The cache payload in `CacheWriter`'s compact form (a JSON payload of the 20,000-page corpus
/// took longer to read than rendering the pages it spares).
extension BuildCache {
    /// Three blocks, each with its own string table, made (and read back) on two cores: the
    /// output files' records, the pages' records, and the content files'. The first two are
    /// preceded by their lengths. (Split two ways, outputs and content, the pages' links made the
    /// first block three times the second, and the end of a full build waited on one core.)
    func encoded() -> [UInt8] {
        let ids = sites.keys.sorted()
        let blocks = Parallel.map([0, 1, 2]) { block -> [UInt8] in
            var writer = CacheWriter()
            switch block {
            case 0:
                writer.string(output)
                writer.manifest(manifest)
                writer.int(ids.count)
                for id in ids {
                    writer.string(id)
                    writer.unique(sites[id]!.targets)
                    writer.files(sites[id]!.files)
                }
            case 1:
                writer.int(ids.count)
                for id in ids {
                    writer.string(id)
                    writer.pages(sites[id]!.pages)
                    writer.units(sites[id]!.units)
                }
            default:
                writer.sources(sources)
            }
            return writer.finish()
        }
        return CacheWriter.varint(blocks[0].count) + CacheWriter.varint(blocks[1].count) + blocks[0] + blocks[1] + blocks[2]
    }

    /// Decodes the payload at `offset` in `bytes` (a whole cache file, read in place).
    init(decoding bytes: [UInt8], from offset: Int = 0) throws {
        let (first, afterFirst) = try CacheReader.varint(in: bytes, at: offset)
        let (second, start) = try CacheReader.varint(in: bytes, at: afterFirst)
        guard first >= 0, second >= 0, first <= bytes.count - start, second <= bytes.count - start - first else { throw CacheReader.Malformed() }
        let parts = [start..<(start + first), (start + first)..<(start + first + second), (start + first + second)..<bytes.count]
        // Each block is read into a cache of its own, on its own core, and the three are joined.
        let decoded = Parallel.map([0, 1, 2]) { index in Result { () throws -> BuildCache in
            var reader = try CacheReader(bytes, range: parts[index])
            var cache = BuildCache(output: "")
            switch index {
            case 0:
                cache.output = try reader.string()
                cache.manifest = try reader.manifest()
                for _ in 0..<(try reader.count()) {
                    let id = try reader.string()
                    var site = SiteCache()
                    site.targets = try reader.unique()
                    site.files = try reader.files()
                    cache.sites[id] = site
                }
            case 1:
                for _ in 0..<(try reader.count()) {
                    let id = try reader.string()
                    var site = SiteCache()
                    site.pages = try reader.pages()
                    site.units = try reader.units()
                    cache.sites[id] = site
                }
            default:
                cache.sources = try reader.sources()
            }
            guard reader.isAtEnd else { throw CacheReader.Malformed() }
            return cache
        } }
        self = try decoded[0].get()
        let pages = try decoded[1].get().sites
        // Both blocks list the same sites.
        guard Set(pages.keys) == Set(sites.keys) else { throw CacheReader.Malformed() }
        for (id, site) in pages {
            sites[id]!.pages = site.pages
            sites[id]!.units = site.units
        }
        sources = try decoded[2].get().sources
    }
}

/// The records a cache is made of, each kind as a counted table (also what a journal entry holds).
extension CacheWriter {
    mutating func manifest(_ record: OutputRecord?) {
        bool(record != nil)
        if let record {
            string(record.fingerprint)
            stamp(record.stamp)
        }
    }

    mutating func files(_ files: [String: OutputRecord]) {
        table(files) { writer, path, record in
            // Paths never repeat: written in place, not through the table.
            writer.unique(path)
            writer.string(record.fingerprint)
            writer.stamp(record.stamp)
        }
    }

    mutating func pages(_ pages: [String: PageRecord]) {
        table(pages) { writer, path, page in
            writer.unique(path)
            writer.int(page.images.count)
            for (image, stamp) in page.images {
                writer.string(image)
                writer.stamp(stamp)
            }
            writer.list(page.media)
            writer.int(page.links.count)
            for link in page.links {
                writer.string(link.page)
                writer.string(link.url)
                writer.string(link.location.path)
                writer.int(link.location.line)
                writer.int(link.location.column)
                writer.bool(link.reported)
            }
            writer.list(page.html.urls)
            writer.list(page.html.ids)
        }
    }

    mutating func units(_ units: [String: UnitRecord]) {
        table(units) { writer, id, unit in
            writer.string(id)
            writer.unique(unit.inputs)
            writer.list(unit.pages)
        }
    }

    mutating func sources(_ sources: [String: SourceRecord]) {
        table(sources) { writer, path, record in
            writer.unique(path)
            record.encode(into: &writer)
        }
    }

    /// The count, then each entry written by `entry` (what `CacheReader.table` reads).
    private mutating func table<Record>(_ table: [String: Record], _ entry: (inout CacheWriter, String, Record) -> Void) {
        int(table.count)
        for (key, record) in table { entry(&self, key, record) }
    }

    mutating func list(_ strings: [String]) {
        int(strings.count)
        for text in strings { string(text) }
    }
}

extension CacheReader {
    mutating func manifest() throws -> OutputRecord? {
        try bool() ? OutputRecord(fingerprint: try string(), stamp: try stamp()) : nil
    }

    mutating func files() throws -> [String: OutputRecord] {
        try table { reader in (try reader.unique(), OutputRecord(fingerprint: try reader.string(), stamp: try reader.stamp())) }
    }

    mutating func pages() throws -> [String: PageRecord] {
        try table { reader in
            let path = try reader.unique()
            var record = PageRecord()
            for _ in 0..<(try reader.count()) {
                let image = try reader.string()
                record.images[image] = try reader.stamp()
            }
            record.media = try reader.list()
            for _ in 0..<(try reader.count()) {
                let (page, url, file) = (try reader.string(), try reader.string(), try reader.string())
                let location = SourceLocation(path: file, line: try reader.int(), column: try reader.int())
                record.links.append(ContentLink(page: page, url: url, location: location, reported: try reader.bool()))
            }
            record.html.urls = try reader.list()
            record.html.ids = try reader.list()
            return (path, record)
        }
    }

    mutating func units() throws -> [String: UnitRecord] {
        try table { reader in (try reader.string(), UnitRecord(inputs: try reader.unique(), pages: try reader.list())) }
    }

    mutating func sources() throws -> [String: SourceRecord] {
        try table { reader in (try reader.unique(), try SourceRecord(from: &reader)) }
    }

    mutating func list() throws -> [String] {
        try (0..<(try count())).map { _ in try string() }
    }

    /// A count, then that many entries read by `entry`, sized once.
    private mutating func table<Record>(_ entry: (inout CacheReader) throws -> (String, Record)) throws -> [String: Record] {
        let count = try count()
        var table: [String: Record] = [:]
        table.reserveCapacity(count)
        for _ in 0..<count {
            let (key, record) = try entry(&self)
            table[key] = record
        }
        return table
    }
}
