import WaymarkCore

/// Renders one site into the files of its deployable folder, its private server files and its
/// manifest entries. Pure: reads nothing, writes nothing.
public struct SiteRenderer {
    let input: RenderInput

    init(input: RenderInput) { self.input = input }

    /// One site's rendered files.
    public struct Output: Sendable {
        /// `site/<id>/`
        public var site = OutputTree()
        /// `site/_server/<id>/`: server rules for hosts that do not read them from the site folder.
        public var server = OutputTree()
        /// `site/_print/<id>/qr/`: each live token's code as SVG and PNG.
        public var qr = OutputTree()
        /// Problems found while rendering: images that cannot be published, broken links.
        public var diagnostics: [Diagnostic] = []
        /// How each file was made, for the build cache, and how many were rendered or kept.
        var records = RenderRecords()
        /// Every link written in content, in page order.
        var links: [ContentLink] = []
        /// Links to other sites, listed for the user (never fetched). Worked out when asked: only
        /// `waymark check` lists them.
        public var externalLinks: [(url: String, location: SourceLocation)] {
            links.filter(\.isExternal).map { ($0.url, $0.location) }
        }
    }

    /// A part of the site rendered on its own, on any core.
    private enum Unit {
        case lists, trail(Trail), pet(Pet), page(Page), tokens(ArraySlice<IssuedToken>)
    }

    func render() throws(DiagnosticsError) -> Output {
        var output = Output()
        // Parts of the render phase, for --verbose: which of them run on one core shows here.
        let clock = BuildClock(report: input.report), site = input.config.id
        (output.qr, output.records) = try clock.phase("  \(site): qr codes") { () throws(DiagnosticsError) in
            if let codes = input.codes { return try codes.value.get() }
            return try QRCodeFiles(input: input).render()
        }
        input.prestaged?.start(QRCodeFiles.folder(for: site), tree: output.qr)
        let css = input.templates.render("style.css", ["theme": ["primary": input.config.theme.primary, "accent": input.config.theme.accent]])
        let cssPath = "assets/style.\(SHA256.hex(Array(css.utf8)).prefix(10)).css"
        output.site.add(cssPath, css)
        let siteContext = input.siteContext(css: input.link("/" + cssPath))
        let siteDigest = input.reuse.map { reuse in
            var digest = Fingerprint()
            digest.add(reuse.base)
            digest.add(any: siteContext)
            return digest.hex()
        }

        let units: [Unit] = [.lists] + input.site.trails.map(Unit.trail) + input.site.pets.map(Unit.pet)
            + input.site.pages.map(Unit.page) + Parallel.slices(input.issuedTokens, size: 256).map(Unit.tokens)
        // Pages per unit, for the progress display (counted once: the lists' count sorts the ledger).
        let pageCounts = input.report == nil ? [] : units.map(pageCount)
        let progress = ProgressCounter(.pages, site: site.rawValue, total: pageCounts.reduce(0, +), report: input.report)
        // They list every token: made on one core while the pages keep both busy, not after them.
        let rules = BackgroundValue { [input] in ServerRules(input: input).render() }
        var rendered = clock.phase("  \(site): pages") {
            Parallel.map(Array(units.enumerated())) { index, unit in
                defer { if !pageCounts.isEmpty { progress.tick(pageCounts[index]) } }
                let emitter = PageEmitter(input: input, siteContext: siteContext, siteDigest: siteDigest)
                render(unit, into: emitter)
                return emitter
            }
        }
        var links: [ContentLink] = [], freshLinks: [ContentLink] = []
        clock.phase("  \(site): merge") {
            // Two halves on two cores, each table growing once: the files with the page records
            // and links there, the file records here.
            // Only read on both threads until the value is taken.
            nonisolated(unsafe) let emitters = rendered
            let pagesAndFiles = BackgroundValue { Merged(emitters) }
            output.records.reserveCapacity(for: rendered.map(\.records))
            for emitter in rendered { output.records.mergeExceptPages(emitter.records) }
            var merged = pagesAndFiles.value
            merged.site.merge(output.site)
            output.site = merged.site
            output.records.pages = merged.pages
            output.diagnostics += merged.diagnostics
            (links, freshLinks) = (merged.links, merged.freshLinks)
            // A thousand emitters' tables took a rebuild 10 ms of one core to free.
            Parallel.release(&rendered)
        }
        let ruleFiles = rules.value
        output.site.merge(ruleFiles.site)
        output.server.merge(ruleFiles.server)
        output.records.mergeExceptPages(ruleFiles.records)
        // Complete now: written while its links are checked (a broken one still fails the build
        // before anything is moved into place).
        input.prestaged?.start(site.rawValue, tree: output.site)
        clock.phase("  \(site): link check") {
            let check = LinkCheck(site: output.site, prefix: input.config.baseURL.pathPrefix, known: output.records.pages)
            output.records.targets = input.reuse == nil ? nil : check.targetsDigest()
            let targetsUnchanged = output.records.targets != nil && output.records.targets == input.reuse?.previous?.targets
            output.diagnostics += check.diagnostics(for: targetsUnchanged ? freshLinks : links)
            output.diagnostics += check.diagnosticsForTemplateLinks(excluding: links, site: input.config.id.rawValue, skippingKept: targetsUnchanged)
        }
        output.links = links
        return output
    }

    /// What the emitters rendered, merged in unit order: the site's files, the page records, the
    /// Markdown's diagnostics and the links.
    private struct Merged: Sendable {
        var site = OutputTree()
        var pages: [String: PageRecord] = [:]
        var diagnostics: [Diagnostic] = []
        var links: [ContentLink] = [], freshLinks: [ContentLink] = []

        init(_ emitters: [PageEmitter]) {
            site.reserveCapacity(merging: emitters.flatMap { [$0.files, $0.media] })
            pages.reserveCapacity(emitters.reduce(0) { $0 + $1.records.pages.count })
            for emitter in emitters {
                site.merge(emitter.files)
                site.merge(emitter.media)
                pages.merge(emitter.records.pages) { $1 }
                diagnostics += emitter.markdown.diagnostics
                links += emitter.links
                freshLinks += emitter.freshLinks
            }
        }
    }

    /// The HTML pages a unit makes, for the progress display.
    private func pageCount(_ unit: Unit) -> Int {
        switch unit {
        case .lists: 2 + (input.site.trails.isEmpty ? 0 : 1) + input.tokenFolders.count * input.ledger.retired.count
        case let .trail(trail): 1 + trail.stops.count
        case .pet, .page: 1
        case let .tokens(tokens): input.tokenFolders.count * tokens.count
        }
    }

    private func render(_ unit: Unit, into emitter: PageEmitter) {
        switch unit {
        case .lists:
            // Always rendered: they list every trail, and cost a handful of templates.
            var files = OutputTree()
            func page(_ template: String, _ file: String, _ values: [String: Any]) {
                var context = values
                context["site"] = emitter.siteContext
                files.add(file, input.templates.render(template, context))
            }
            let trails = input.site.trails.map(trailSummary)
            page("home", "index.html", ["page": input.pageContext(title: nil, description: input.config.description, path: "/"), "trails": trails])
            page("404", "404.html", ["page": input.pageContext(title: nil, description: nil, path: nil, noindex: true)])
            if !trails.isEmpty {
                page("trails", "trails/index.html", ["page": input.pageContext(title: nil, description: nil, path: "/trails/"), "trails": trails])
            }
            for folder in input.tokenFolders {
                for (token, record) in input.ledger.retired {
                    page("retired", file("/\(folder)/\(token)/"), [
                        "page": input.pageContext(title: nil, description: nil, path: nil, noindex: true),
                        "token": token.rawValue, "title": record.title,
                    ])
                }
            }
            addSitemap(to: &files, emitter: emitter)
            files.add("robots.txt", input.templates.render("robots.txt", ["sitemap_url": input.config.baseURL.absolute("/sitemap.xml"), "site_prefix": input.config.baseURL.pathPrefix]))
            emitter.add(files)
        case let .trail(trail):
            // A stop's page shows its neighbours and its trail: the trail is one unit.
            emitter.unit("trail \(trail.source)", inputs: [trail.source] + trail.stops.map(\.source)) {
                emitter.page("trail", file(trail.path)) { trailContext(trail, markdown: $0) }
                for (index, stop) in trail.stops.enumerated() {
                    emitter.page("stop", file(stop.path(in: trail))) { stopContext(stop, at: index, in: trail, markdown: $0) }
                }
            }
        case let .pet(pet):
            emitter.unit("pet \(pet.source)", inputs: [pet.source]) {
                emitter.page("pet", file(pet.path)) { petContext(pet, markdown: $0) }
            }
        case let .page(sitePage):
            emitter.unit("page \(sitePage.source)", inputs: [sitePage.source]) {
                emitter.page("page", file(sitePage.path)) { markdown in
                    ["page": input.pageContext(title: sitePage.title, description: sitePage.summary, path: sitePage.path)
                        .merging(["body": markdown.html(sitePage.body, file: sitePage.source, firstLine: sitePage.bodyLine, page: sitePage.path)]) { $1 }]
                }
            }
        case let .tokens(tokens):
            // A redirect page shows its token, title and target, and what the site digest
            // covers: a slice whose tokens kept all three is kept whole, with no context built.
            let values = tokens.flatMap { [$0.token.rawValue, $0.title, $0.path] }
            emitter.unit("tokens \(tokens.first.map(\.token.rawValue) ?? "")", inputs: [], values: values) {
                for folder in input.tokenFolders {
                    for token in tokens {
                        emitter.page("redirect", file("/\(folder)/\(token.token)/")) { redirectContext(for: token, fingerprinting: $0.placeholders) }
                    }
                }
            }
        }
    }

    /// The sitemap lists every trail and stop: with a cache, it is kept when its URLs are.
    private func addSitemap(to files: inout OutputTree, emitter: PageEmitter) {
        let urls = sitemapURLs()
        guard let reuse = input.reuse, let siteDigest = emitter.siteDigest else {
            return files.add("sitemap.xml", input.templates.render("sitemap.xml", ["urls": urls]))
        }
        var fingerprint = Fingerprint()
        fingerprint.add(siteDigest)
        fingerprint.add(any: urls)
        let digest = fingerprint.hex(), path = "\(input.config.id)/sitemap.xml"
        if let record = reuse.kept(path, fingerprint: digest) {
            emitter.keep("sitemap.xml", record: record, at: path)
        } else {
            files.add("sitemap.xml", input.templates.render("sitemap.xml", ["urls": urls]))
            emitter.recordFresh(path, fingerprint: digest)
        }
    }

    /// `/trails/x/` → `trails/x/index.html`
    func file(_ sitePath: String) -> String { String(sitePath.dropFirst()) + "index.html" }

    /// Listed pages only: pets and token pages are unlisted and never appear here.
    func sitemapURLs() -> [String] {
        var paths = ["/"]
        if !input.site.trails.isEmpty { paths.append("/trails/") }
        for trail in input.site.trails {
            paths.append(trail.path)
            paths.append(contentsOf: trail.stops.map { $0.path(in: trail) })
        }
        paths.append(contentsOf: input.site.pages.map(\.path))
        return paths.map { input.config.baseURL.absolute($0) }
    }
}
