import WaymarkCore
import WaymarkNative

/// The QR code of every live token as SVG and PNG, for `site/_print/<id>/qr/`.
struct QRCodeFiles {
    let input: RenderInput

    /// Where a site's codes go, below the output folder.
    static func folder(for site: SiteID) -> String { "_print/\(site)/qr" }

    /// The files, and for the build cache how each was made. With a cache, a token whose payload
    /// and style are unchanged and whose two files are still in place is not drawn again.
    func render() throws(DiagnosticsError) -> (OutputTree, RenderRecords) {
        let slices = Parallel.slices(input.issuedTokens, size: 128)
        let folder = Self.folder(for: input.config.id)
        let progress = ProgressCounter(.qrCodes, site: input.config.id.rawValue, total: input.issuedTokens.count, report: input.report)
        let results = Parallel.map(slices) { tokens -> Result<(OutputTree, RenderRecords), DiagnosticsError> in
            defer { progress.tick(tokens.count) }
            var files = OutputTree()
            var records = RenderRecords()
            if input.reuse != nil {
                files.reserveCapacity(files: 0, kept: 2 * tokens.count)
                records.kept.reserveCapacity(2 * tokens.count)
            }
            for item in tokens {
                let names = ["\(item.token).svg", "\(item.token).png"]
                if let reuse = input.reuse {
                    // A code depends on its payload, which depends only on the token and site.yml,
                    // both covered by the site's codes digest: it is every code's fingerprint.
                    let digest = reuse.codes
                    let paths = names.map { "\(folder)/\($0)" }
                    if let svg = reuse.kept(paths[0], fingerprint: digest), let png = reuse.kept(paths[1], fingerprint: digest) {
                        files.keep(names[0])
                        files.keep(names[1])
                        records.kept[paths[0]] = svg
                        records.kept[paths[1]] = png
                        records.codesKept += names.count
                        continue
                    }
                    for path in paths { records.fresh[path] = digest }
                }
                do {
                    let code = try QRCode(payload: input.payload(for: item.token), style: input.qrStyle)
                    files.add(names[0], bytes: code.svgBytes())
                    files.add(names[1], bytes: try code.png())
                    records.codesRendered += names.count
                } catch {
                    return .failure(DiagnosticsError([.error("cannot make the QR code for \(item.token): \(error)", at: item.location)]))
                }
            }
            return .success((files, records))
        }
        var tree = OutputTree()
        var records = RenderRecords()
        var made: [(files: OutputTree, records: RenderRecords)] = []
        for result in results { made.append(try result.get()) }
        // Merged on one core into tables sized once.
        tree.reserveCapacity(merging: made.map(\.files))
        records.reserveCapacity(for: made.map(\.records))
        for (files, slice) in made {
            tree.merge(files)
            records.mergeExceptPages(slice)
        }
        return (tree, records)
    }
}
