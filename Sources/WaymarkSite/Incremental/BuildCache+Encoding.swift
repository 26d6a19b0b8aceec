import WaymarkCore

/// The cache payload in `CacheWriter`'s compact form (a JSON payload of the 20,000-page corpus
/// took longer to read than rendering the pages it spares).
extension BuildCache {
    func encoded() -> [UInt8] {
        var writer = CacheWriter()
        writer.string(output)
        writer.int(sites.count)
        for (id, site) in sites.sorted(by: { $0.key < $1.key }) {
            writer.string(id)
            site.encode(into: &writer)
        }
        writer.int(sources.count)
        for (path, record) in sources {
            writer.unique(path)
            record.encode(into: &writer)
        }
        return writer.finish()
    }

    init(decoding bytes: [UInt8]) throws {
        var reader = try CacheReader(bytes)
        self.init(output: try reader.string())
        for _ in 0..<(try reader.count()) {
            let id = try reader.string()
            sites[id] = try SiteCache(from: &reader)
        }
        let sourceCount = try reader.count()
        sources.reserveCapacity(sourceCount)
        for _ in 0..<sourceCount {
            let path = try reader.unique()
            sources[path] = try SourceRecord(from: &reader)
        }
        guard reader.isAtEnd else { throw CacheReader.Malformed() }
    }
}

private extension SiteCache {
    func encode(into writer: inout CacheWriter) {
        writer.unique(targets)
        writer.int(files.count)
        for (path, record) in files {
            // Paths and page fingerprints never repeat: written in place, not through the table.
            writer.unique(path)
            writer.string(record.fingerprint)
            writer.stamp(record.stamp)
        }
        writer.int(pages.count)
        for (path, page) in pages {
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

    init(from reader: inout CacheReader) throws {
        self.init()
        targets = try reader.unique()
        let fileCount = try reader.count()
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            let path = try reader.unique()
            files[path] = OutputRecord(fingerprint: try reader.string(), stamp: try reader.stamp())
        }
        let pageCount = try reader.count()
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
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
            pages[path] = record
        }
    }
}

private extension CacheWriter {
    mutating func list(_ strings: [String]) {
        int(strings.count)
        for text in strings { string(text) }
    }
}

private extension CacheReader {
    mutating func list() throws -> [String] {
        try (0..<(try count())).map { _ in try string() }
    }
}
