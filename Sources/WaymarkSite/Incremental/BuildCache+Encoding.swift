import WaymarkCore

/// The cache payload in `CacheWriter`'s compact form (a JSON payload of the 20,000-page corpus
/// took longer to read than rendering the pages it spares).
extension BuildCache {
    /// Two blocks, each with its own string table, made (and read back) on two cores: the
    /// outputs, and the content files. The first is preceded by its length.
    func encoded() -> [UInt8] {
        let blocks = Parallel.map([true, false]) { outputs -> [UInt8] in
            var writer = CacheWriter()
            if outputs {
                writer.string(output)
                writer.bool(manifest != nil)
                if let manifest {
                    writer.string(manifest.fingerprint)
                    writer.stamp(manifest.stamp)
                }
                writer.int(sites.count)
                for (id, site) in sites.sorted(by: { $0.key < $1.key }) {
                    writer.string(id)
                    site.encode(into: &writer)
                }
            } else {
                writer.int(sources.count)
                for (path, record) in sources {
                    writer.unique(path)
                    record.encode(into: &writer)
                }
            }
            return writer.finish()
        }
        return CacheWriter.varint(blocks[0].count) + blocks[0] + blocks[1]
    }

    init(decoding bytes: [UInt8]) throws {
        let (first, start) = try CacheReader.varint(in: bytes)
        guard first >= 0, first <= bytes.count - start else { throw CacheReader.Malformed() }
        let parts = [Array(bytes[start..<(start + first)]), Array(bytes[(start + first)...])]
        let decoded = Parallel.map([0, 1]) { index in Result { () throws -> BuildCache in
            var reader = try CacheReader(parts[index])
            var cache = BuildCache(output: "")
            if index == 0 {
                cache.output = try reader.string()
                if try reader.bool() { cache.manifest = OutputRecord(fingerprint: try reader.string(), stamp: try reader.stamp()) }
                for _ in 0..<(try reader.count()) {
                    let id = try reader.string()
                    cache.sites[id] = try SiteCache(from: &reader)
                }
            } else {
                let sourceCount = try reader.count()
                cache.sources.reserveCapacity(sourceCount)
                for _ in 0..<sourceCount {
                    let path = try reader.unique()
                    cache.sources[path] = try SourceRecord(from: &reader)
                }
            }
            guard reader.isAtEnd else { throw CacheReader.Malformed() }
            return cache
        } }
        self = try decoded[0].get()
        sources = try decoded[1].get().sources
    }
}

private extension SiteCache {
    func encode(into writer: inout CacheWriter) {
        writer.unique(targets)
        writer.int(files.count)
        for (path, record) in files { writer.file(path, record) }
        writer.int(pages.count)
        for (path, page) in pages { writer.page(path, page) }
        writer.int(units.count)
        for (id, unit) in units { writer.unit(id, unit) }
    }

    init(from reader: inout CacheReader) throws {
        self.init()
        targets = try reader.unique()
        let fileCount = try reader.count()
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            let (path, record) = try reader.file()
            files[path] = record
        }
        let pageCount = try reader.count()
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            let (path, record) = try reader.page()
            pages[path] = record
        }
        let unitCount = try reader.count()
        units.reserveCapacity(unitCount)
        for _ in 0..<unitCount {
            let (id, unit) = try reader.unit()
            units[id] = unit
        }
    }
}

/// The records a site cache is made of, one at a time (also what a journal entry holds).
extension CacheWriter {
    mutating func file(_ path: String, _ record: OutputRecord) {
        // Paths never repeat: written in place, not through the table.
        unique(path)
        string(record.fingerprint)
        stamp(record.stamp)
    }

    mutating func page(_ path: String, _ page: PageRecord) {
        unique(path)
        int(page.images.count)
        for (image, stamp) in page.images {
            string(image)
            self.stamp(stamp)
        }
        list(page.media)
        int(page.links.count)
        for link in page.links {
            string(link.page)
            string(link.url)
            string(link.location.path)
            int(link.location.line)
            int(link.location.column)
            bool(link.reported)
        }
        list(page.html.urls)
        list(page.html.ids)
    }

    mutating func unit(_ id: String, _ unit: UnitRecord) {
        string(id)
        unique(unit.inputs)
        list(unit.pages)
    }

    mutating func list(_ strings: [String]) {
        int(strings.count)
        for text in strings { string(text) }
    }
}

extension CacheReader {
    mutating func file() throws -> (String, OutputRecord) {
        (try unique(), OutputRecord(fingerprint: try string(), stamp: try stamp()))
    }

    mutating func page() throws -> (String, PageRecord) {
        let path = try unique()
        var record = PageRecord()
        for _ in 0..<(try count()) {
            let image = try string()
            record.images[image] = try stamp()
        }
        record.media = try list()
        for _ in 0..<(try count()) {
            let (page, url, file) = (try string(), try string(), try string())
            let location = SourceLocation(path: file, line: try int(), column: try int())
            record.links.append(ContentLink(page: page, url: url, location: location, reported: try bool()))
        }
        record.html.urls = try list()
        record.html.ids = try list()
        return (path, record)
    }

    mutating func unit() throws -> (String, UnitRecord) {
        (try string(), UnitRecord(inputs: try unique(), pages: try list()))
    }

    mutating func list() throws -> [String] {
        try (0..<(try count())).map { _ in try string() }
    }
}
