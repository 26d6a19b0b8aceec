import Foundation
import WaymarkCore
import WaymarkNative

/// Runs the whole pipeline: load → check → render → write.
///
/// `check()` is the same run without the write step, which is exactly what `waymark check` is.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// Project root: holds content/, templates/ and (by default) site/.
        public var root: String
        /// Output folder; `<root>/site` by default.
        public var output: String
        /// Build only these sites (all sites are still loaded: tokens are checked across all).
        public var only: Set<String>
        /// The day vaccination states are computed for.
        public var today: CalendarDate
        /// Where content and template overrides are read from (memory in unit tests).
        public var files: ContentFiles
        /// Where `build()` keeps its cache (`<root>/.waymark-cache` for `waymark build`), so a
        /// rebuild renders only what changed; nil renders everything. Never inside `output`.
        public var cacheFolder: String?
        /// How long an input file must have been left alone for the cache to trust its stamp.
        var settleSeconds = 2.0
        /// How large the cache's journal may grow, as a share of its payload (`BuildCacheFile`).
        var cacheJournalShare = 0.25
        /// Called with progress while the build runs (from any thread).
        public var report: (@Sendable (BuildEvent) -> Void)?
        /// Given the build's large working values (the previous cache, the output entries) instead
        /// of freeing them: a process that exits right after the build (the CLI) keeps them, since
        /// freeing a hundred thousand small objects one by one was a tenth of a rebuild, on one core.
        public var keepUntilExit: (@Sendable (Any) -> Void)?

        public init(root: String, output: String? = nil, only: Set<String> = [], today: CalendarDate = .buildDay(), files: ContentFiles = .disk) {
            self.root = root
            self.output = output ?? root + "/site"
            self.only = only
            self.today = today
            self.files = files
        }
    }

    /// What a successful run produced.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Files per built site (the deployable folder only).
        public var pageCounts: [SiteID: Int]
        public var manifest: Manifest
        /// Ledger files that were written because this build issued, moved or retired tokens.
        public var updatedLedgers: [String]
        /// All rendered output, by site (what `build` writes; kept for tests and previews).
        public var rendered: [SiteID: SiteRenderer.Output]
        /// How the build cache was used: found or not, pages rendered and kept.
        public var cache = CacheReport(status: .disabled)
        /// The new text of each ledger that changed.
        var ledgerTexts: [SiteID: String]
        /// For the build cache, by site; held only here (not in `rendered`), and moved into the
        /// cache when `build()` saves it (empty afterwards).
        var records: [SiteID: RenderRecords] = [:]
        /// For the build cache: the front matter this build parsed or took over.
        var sources: [String: SourceRecord] = [:]
        /// For the build cache: the source records parsed or restamped by this build.
        var changedSources: Set<String> = []
        /// For the build cache: `manifest.fingerprint`, made while the sites rendered.
        var manifestFingerprint: String?
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Loads, checks and renders in memory. Throws every diagnostic when any is an error.
    public func check() throws(DiagnosticsError) -> Result {
        try check(previous: nil, caching: false, inventory: nil, prestaged: nil)
    }

    /// `check()`, taking over from `previous` the pages it verifies against `inventory` (the
    /// output folder as it is), recording every page for the next build when `caching`, and
    /// starting to write into `prestaged` what is ready early.
    func check(previous: BuildCache?, caching: Bool, inventory: BackgroundValue<OutputInventory>?, prestaged: PrestagedTrees?) throws(DiagnosticsError) -> Result {
        let clock = BuildClock(report: options.report)
        var loader = ContentLoader(root: options.root, files: options.files)
        let sources = caching ? SourceCache(previous: previous?.sources ?? [:], settle: options.settleSeconds) : nil
        loader.sources = sources
        loader.report = options.report
        var (sites, diagnostics) = clock.phase("load") { loader.load() }
        // The tokens and vaccinations are checked in the order the sites were loaded in.
        let loaded = sites
        sites.sort { $0.id < $1.id }
        // Templates, QR styles and render inputs need only the loaded content: made before the
        // tokens are reconciled, they let each site's QR codes be made (or, in a rebuild,
        // verified) on other cores meanwhile. A build that then fails drops them unused.
        var templateProblems: DiagnosticsError?
        let templates = clock.phase("templates") { () -> TemplateSet? in
            do throws(DiagnosticsError) {
                return try TemplateSet(overridesIn: options.root + "/templates", files: options.files)
            } catch {
                templateProblems = error
                return nil
            }
        }
        var styles: [SiteID: QRStyle] = [:]
        var styleProblems: [Diagnostic] = []
        for site in sites {
            switch QRSettingsCheck.style(for: site.config, root: options.root) {
            case let .success(style): styles[site.id] = style
            case let .failure(problems): styleProblems += problems.diagnostics
            }
        }
        func hasErrors(_ diagnostics: [Diagnostic]) -> Bool { diagnostics.contains { $0.severity == .error } }
        var inputs: [RenderInput] = []
        if let templates, !hasErrors(diagnostics), !hasErrors(styleProblems) {
            let stamps = sources?.stamps ?? SourceStamps()
            for site in sites {
                // The ledger as loaded, until the reconciled one replaces it below.
                var input = RenderInput(
                    site: site, templates: templates, today: options.today, ledger: site.ledger, qrStyle: styles[site.id]!,
                    root: options.root, files: options.files, report: options.report
                )
                input.prestaged = prestaged
                if caching {
                    let digests = clock.phase("digests \(site.id)") { SiteDigest.of(site, templates: templates, root: options.root, files: options.files) }
                    // Only the wait shows: the walk itself ran while the content loaded.
                    let walked = clock.phase("output walk (wait)") { inventory?.value ?? OutputInventory() }
                    input.reuse = PageReuse(
                        previous: previous?.sites[site.id.rawValue], inventory: walked, root: options.root,
                        base: digests.base, codes: digests.codes, sources: stamps
                    )
                }
                if options.only.isEmpty || options.only.contains(site.id.rawValue) {
                    let early = input
                    input.codes = BackgroundValue { Swift.Result { () throws(DiagnosticsError) in try QRCodeFiles(input: early).render() } }
                }
                inputs.append(input)
            }
        }
        let issued = Dictionary(uniqueKeysWithValues: inputs.map { ($0.site.id, $0.issuedTokens) })
        let reconciled = clock.phase("tokens") { TokenReconciler.reconcile(loaded, issued: loaded.map { issued[$0.id] ?? $0.issuedTokens }) }
        diagnostics += reconciled.diagnostics
        diagnostics += clock.phase("vaccinations") { VaccinationCheck.diagnostics(for: loaded, today: options.today) }
        if let templateProblems { throw DiagnosticsError(diagnostics + templateProblems.diagnostics) }
        if !options.only.isEmpty {
            let unknown = options.only.subtracting(sites.map(\.id.rawValue))
            for name in unknown.sorted() { diagnostics.append(.error("no site named '\(name)'", at: SourceLocation(path: "content/\(name)"))) }
        }
        guard !hasErrors(diagnostics) else { throw DiagnosticsError(diagnostics) }
        diagnostics += styleProblems
        guard !hasErrors(diagnostics) else { throw DiagnosticsError(diagnostics) }
        for index in inputs.indices {
            inputs[index].ledger = reconciled.ledgers[inputs[index].site.id] ?? inputs[index].site.ledger
        }
        var rendered: [SiteID: SiteRenderer.Output] = [:]
        // The manifest (and its fingerprint, which decides whether it is written) is made on
        // another core while the sites render: it was a one-core step of every rebuild.
        let builders = inputs.map(ManifestBuilder.init)
        let manifest = BackgroundValue { () -> (Manifest, String?) in
            var manifest = Manifest()
            for builder in builders { builder.add(to: &manifest) }
            return (manifest, caching ? manifest.fingerprint : nil)
        }
        for input in inputs {
            let site = input.site
            if options.only.isEmpty || options.only.contains(site.id.rawValue) {
                do {
                    let output = try clock.phase("render \(site.id)") { () throws(DiagnosticsError) in try SiteRenderer(input: input).render() }
                    diagnostics += output.diagnostics
                    rendered[site.id] = output
                } catch {
                    throw DiagnosticsError(diagnostics + error.diagnostics)
                }
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticsError(diagnostics) }
        let ledgers = sites.filter { reconciled.ledgers[$0.id] != $0.ledger }.map(\.id)
        // The records move to `result.records` alone: held twice, the cache's table of kept files
        // had to be copied whole (80,000 entries, one core) before the rebuild could add to it.
        var records: [SiteID: RenderRecords] = [:]
        for id in Array(rendered.keys) {
            records[id] = rendered[id]!.records
            rendered[id]!.records = RenderRecords()
        }
        let (made, fingerprint) = manifest.value
        var result = Result(
            diagnostics: diagnostics, pageCounts: rendered.mapValues { $0.site.count }, manifest: made,
            updatedLedgers: ledgers.map { "content/\($0)/\(TokenLedger.fileName)" }, rendered: rendered,
            ledgerTexts: Dictionary(uniqueKeysWithValues: ledgers.map { ($0, reconciled.ledgers[$0]!.yaml(site: $0)) })
        )
        result.records = records
        result.manifestFingerprint = fingerprint
        result.sources = sources?.records ?? [:]
        result.changedSources = sources?.changedPaths ?? []
        // The models and render inputs of every site: freeing them took a rebuild 8 ms of one core.
        options.keepUntilExit?((inputs, loaded, reconciled, builders))
        for records in result.records.values {
            result.cache.pagesRendered += records.pagesRendered
            result.cache.pagesKept += records.pagesKept
            result.cache.codesRendered += records.codesRendered
            result.cache.codesKept += records.codesKept
        }
        return result
    }

    /// Checks, renders and writes: the previous output is replaced only if everything succeeded.
    public func build() throws -> Result {
        let cacheFile = cacheFile
        // Walked while the content loads: the cache verifies kept files in it, the writer finds
        // stale ones in it. Reports are `waymark report`'s, never a build's.
        let output = outputFolder
        let listingFile = cacheFile.map { FolderListingFile(folder: PathText.parent(of: $0.path)) }
        let settledBefore = FileStamp.now - Int64(options.settleSeconds * 1e9)
        let inventory = BackgroundValue {
            let recorded = listingFile?.load(output: output) ?? [:]
            let walked = OutputInventory(of: output, skipping: ["_reports"], recorded: recorded, settledBefore: listingFile == nil ? nil : settledBefore)
            // Saved here, off the build's path: the listings describe the folders as walked, and
            // a folder the build then writes into has another stamp next time.
            if let listingFile, walked.listingsWorthSaving { try? listingFile.save(walked.listings, output: output) }
            return walked
        }
        var (previous, status) = BuildClock(report: options.report).phase("read cache") { cacheFile?.load() ?? (nil, .disabled) }
        if let cache = previous, cache.output != output {
            (previous, status) = (nil, .otherOutput)
        }
        // Whatever happens, nothing staged early is left behind unless the writer took it.
        let prestaged = PrestagedTrees(root: output)
        defer { prestaged.discard() }
        var result = try check(previous: previous, caching: cacheFile != nil, inventory: inventory, prestaged: prestaged)
        result.cache.status = status
        var entries: [String: OutputWriter.Entry] = [:]
        let manifest = result.manifestFingerprint
        if let kept = previous?.manifest, kept.fingerprint == manifest, inventory.value["_manifest.json"] == kept.stamp {
            // Unchanged and still in place: left alone, as the writer would after comparing bytes.
        } else {
            entries["_manifest.json"] = .file(BuildClock(report: options.report).phase("manifest") { Array(result.manifest.encoded()) })
        }
        for (id, output) in result.rendered {
            entries[id.rawValue] = .tree(output.site)
            if output.server.count > 0 { entries["_server/\(id)"] = .tree(output.server) }
            entries[QRCodeFiles.folder(for: id)] = .tree(output.qr)
        }
        let written = try BuildClock(report: options.report).phase("write") {
            try OutputWriter(root: output).replace(entries, inventory: inventory.value, prestaged: prestaged)
        }
        if let cacheFile {
            BuildClock(report: options.report).phase("save cache") { () -> Void in
                let manifestRecord = manifest.flatMap { digest in
                    (written.stamps["_manifest.json"] ?? FileStamp(path: output + "/_manifest.json")).map { OutputRecord(fingerprint: digest, stamp: $0) }
                }
                if let previous, result.changedSources.isEmpty, previous.sources.count == result.sources.count,
                   previous.records(result.records), previous.manifest == manifestRecord { return }
                // Only a journal entry needs them (a full build's eighty thousand took 8 ms to collect).
                let fresh = previous == nil ? [:] : Dictionary(uniqueKeysWithValues: result.records.map { ($0.key.rawValue, Set($0.value.fresh.keys)) })
                var next = previous ?? BuildCache(output: output)
                next.manifest = manifestRecord
                // Taken out of the result, so each site's records are held once and move into the cache.
                var records = result.records
                result.records = [:]
                while case (let id, var site)? = records.popFirst() { next.record(id.rawValue, &site, written: written.stamps) }
                next.sources = result.sources
                // A cache that cannot be written only costs the next build its speed.
                if (try? cacheFile.save(next, since: previous, fresh: fresh, changedSources: result.changedSources)) == nil { cacheFile.remove() }
                options.keepUntilExit?(next)
            }
            options.report?(.note(result.cache.description))
        }
        options.keepUntilExit?(previous as Any)
        options.keepUntilExit?(entries)
        options.keepUntilExit?(inventory)
        for (id, text) in result.ledgerTexts {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(options.root)/content/\(id)/\(TokenLedger.fileName)"), options: .atomic)
        }
        return result
    }
}

private extension SiteBuilder {
    /// The output folder absolute (against the working folder) and standardized: the build cache
    /// and the folder listings record it and are trusted only for the same folder, which a
    /// relative spelling (`site`, `./site/`) must not make another.
    var outputFolder: String { URL(fileURLWithPath: options.output).standardizedFileURL.path }

    /// The cache file, unless caching is off or the cache folder would sit inside the output.
    var cacheFile: BuildCacheFile? {
        guard let cache = options.cacheFolder else { return nil }
        let folder = URL(fileURLWithPath: cache).standardizedFileURL.path
        let output = outputFolder
        guard folder != output, !folder.hasPrefix(output.hasSuffix("/") ? output : output + "/") else { return nil }
        var file = BuildCacheFile(folder: cache)
        file.journalShare = options.cacheJournalShare
        return file
    }
}

public extension CalendarDate {
    /// The day a build renders for: `SOURCE_DATE_EPOCH` when set (reproducible builds), else today (UTC).
    static func buildDay(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return CalendarDate(secondsSince1970: epoch) }
        return CalendarDate(secondsSince1970: Int(Date().timeIntervalSince1970))
    }
}
