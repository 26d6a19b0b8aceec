import WaymarkCore

/// Renders the pages of one render unit. With a cache, each page is first fingerprinted from a
/// context whose Markdown is a stand-in (cheap: no Markdown parsed, no template run); a page whose
/// fingerprint and file on disk match the previous build is kept instead of rendered.
final class PageEmitter {
    let input: RenderInput
    let siteContext: [String: Any]
    /// The site digest (`PageReuse.base` plus the site context); nil without a cache.
    let siteDigest: String?
    let markdown: MarkdownRenderer
    private let standIn: MarkdownRenderer
    private(set) var files = OutputTree()
    /// Links written in content, in page order (kept pages contribute their recorded links).
    private(set) var links: [ContentLink] = []
    /// The links of pages rendered now (without a cache: all of them).
    private(set) var freshLinks: [ContentLink] = []
    private(set) var records = RenderRecords()
    /// Pages of the unit being rendered that were recorded; nil outside a unit, or once one of
    /// its pages was not recorded.
    private var unitPages: [String]?

    init(input: RenderInput, siteContext: [String: Any], siteDigest: String?) {
        self.input = input
        self.siteContext = siteContext
        self.siteDigest = siteDigest
        markdown = MarkdownRenderer(input: input)
        standIn = MarkdownRenderer(input: input, placeholders: true)
    }

    /// Renders (or keeps) a unit: a trail with its stops, a pet, a page, a slice of redirect
    /// pages. `inputs` names every source file the unit's pages are made from, `values` anything
    /// else they show; with the files' stamps and the site digest, they key the unit. When the
    /// key equals the previous build's and each recorded page is still in place, the pages are
    /// kept as recorded: no context is built or fingerprinted. Otherwise `render` adds them one
    /// by one, each kept or rendered on its own fingerprint.
    func unit(_ id: String, inputs: [String], values: [String] = [], render: () -> Void) {
        guard let reuse = input.reuse, let siteDigest,
              let key = Self.key(siteDigest, id, inputs, values, today: input.today, stamps: reuse.sources) else {
            return render()
        }
        let site = input.config.id.rawValue
        if let previous = reuse.previous?.units[id], previous.inputs == key, let kept = keptPages(previous.pages, site: site, reuse: reuse) {
            for (file, page) in zip(previous.pages, kept) { keep(page, file) }
            records.units[id] = previous
            return
        }
        unitPages = []
        render()
        if let pages = unitPages { records.units[id] = UnitRecord(inputs: key, pages: pages) }
        unitPages = nil
    }

    /// The unit key: nil when a source has no settled stamp (then only page fingerprints decide).
    private static func key(_ siteDigest: String, _ id: String, _ inputs: [String], _ values: [String], today: CalendarDate, stamps: SourceStamps) -> String? {
        var key = Fingerprint()
        key.add(siteDigest)
        key.add(id)
        // A pet's vaccinations show as due or expired against the build's day.
        key.add(today.description)
        for file in inputs {
            guard let stamp = stamps.stamps[file] else { return nil }
            key.add(file)
            key.add(stamp.text)
        }
        key.add(String(values.count))
        for value in values { key.add(value) }
        return key.hex()
    }

    /// Every recorded page of a unit, if each can be kept as the previous build left it.
    private func keptPages(_ files: [String], site: String, reuse: PageReuse) -> [PageReuse.KeptPage]? {
        var kept: [PageReuse.KeptPage] = []
        kept.reserveCapacity(files.count)
        for file in files {
            guard let page = reuse.keptPage(file, site: site) else { return nil }
            kept.append(page)
        }
        return kept
    }

    private func keep(_ kept: PageReuse.KeptPage, _ file: String) {
        files.keep(file)
        for media in kept.page.media { files.keep(media) }
        for (path, record) in kept.files { records.kept[path] = record }
        records.pages[file] = kept.page
        records.pagesKept += 1
        links += kept.page.links
    }

    /// Adds the page `file` (site-relative) rendered with `template`; `context` is built with the
    /// Markdown renderer it is given (the stand-in when fingerprinting).
    func page(_ template: String, _ file: String, _ context: (MarkdownRenderer) -> [String: Any]) {
        guard let reuse = input.reuse, let siteDigest else {
            let start = markdown.links.count
            files.add(file, render(template, context(markdown)))
            // Without a cache the link check reads the whole page later: the bodies are not needed.
            _ = markdown.takeBodies()
            links += markdown.links[start...]
            freshLinks += markdown.links[start...]
            return
        }
        var fingerprint = Fingerprint()
        fingerprint.add(siteDigest)
        fingerprint.add(template)
        fingerprint.add(file)
        fingerprint.add(any: context(standIn))
        let digest = fingerprint.hex()
        let site = input.config.id.rawValue
        if let kept = reuse.keptPage(file, site: site, fingerprint: digest) {
            keep(kept, file)
            unitPages?.append(file)
            return
        }
        let (linkStart, imageStart, mediaStart) = (markdown.links.count, markdown.imageReads.count, markdown.mediaUsed.count)
        let html = render(template, context(markdown))
        files.add(file, html)
        let pageLinks = PageLinks(html: html, skipping: markdown.takeBodies())
        var record = PageRecord(links: Array(markdown.links[linkStart...]), html: pageLinks)
        links += record.links
        freshLinks += record.links
        records.pagesRendered += 1
        for read in markdown.imageReads[imageStart...] {
            // An image without a stamp (not on disk) cannot be verified later: the page is not recorded.
            guard let stamp = read.stamp, stamp.changed(before: reuse.sources.settledBefore) else {
                unitPages = nil
                return
            }
            record.images[read.path] = stamp
        }
        record.media = Array(Set(markdown.mediaUsed[mediaStart...])).sorted()
        records.fresh["\(site)/\(file)"] = digest
        for media in record.media { records.fresh["\(site)/\(media)"] = PageReuse.mediaFingerprint(media) }
        records.pages[file] = record
        unitPages?.append(file)
    }

    /// Marks a file kept that is not a page (the sitemap), with its verified record.
    func keep(_ file: String, record: OutputRecord, at path: String) {
        files.keep(file)
        records.kept[path] = record
    }

    /// Records how a file that is not a page was made, for the next build.
    func recordFresh(_ path: String, fingerprint: String) { records.fresh[path] = fingerprint }

    /// Adds files rendered without the cache (the lists).
    func add(_ tree: OutputTree) { files.merge(tree) }

    /// Published image copies of the pages rendered now.
    var media: OutputTree { markdown.media }

    private func render(_ template: String, _ values: [String: Any]) -> String {
        var context = values
        context["site"] = siteContext
        return input.templates.render(template, context)
    }
}
