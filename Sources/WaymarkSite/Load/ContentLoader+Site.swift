import WaymarkCore
import WaymarkNative

extension ContentLoader {
    func loadSite(folder: String, sink: DiagnosticSink) -> Site? {
        let path = "\(folder)/site.yml"
        guard let fields = yamlFile(path, sink: sink) else { return nil }
        let folderName = String(folder.split(separator: "/").last!)
        let id = fields.located("id", required: true)
        let title = fields.string("title", required: true)
        let description = fields.string("description")
        let lang = fields.string("lang") ?? "en"
        let baseURL = url(fields, "base_url", required: true)
        let shortURL = url(fields, "short_url", required: false)
        let beaconURL = url(fields, "beacon_url", required: false)
        let host = fields.choice("host", as: SiteConfig.Host.self) ?? .generic
        let rawHTML = fields.bool("raw_html", default: false)
        let maxImageMB = fields.double("max_image_mb", in: 0.01...100) ?? 5
        let qr = readQRSettings(fields.mapping("qr"), site: folder, default: SourceLocation(path: path))
        let cards = readCardSettings(fields.mapping("cards"), default: SourceLocation(path: path))
        var theme = SiteConfig.Theme(primary: "#1d5e3a", accent: "#b4531f")
        if let colours = fields.mapping("theme") {
            // White text sits on the primary colour (header) and links are drawn in it on white:
            // both must be readable (WCAG AA, 4.5:1). The accent only colours hovered links.
            theme.primary = colour(colours, "primary", readableOnWhite: .error) ?? theme.primary
            theme.accent = colour(colours, "accent", readableOnWhite: .warning) ?? theme.accent
            colours.finish()
        }
        fields.finish()

        var siteID: SiteID?
        if let id {
            if let valid = SiteID(id.value), valid.rawValue == folderName {
                siteID = valid
            } else if SiteID(id.value) == nil {
                sink.error("'id' must be lower-case letters, digits and hyphens, starting with a letter", at: id.location)
            } else {
                sink.error("'id' is '\(id.value)' but the folder is '\(folderName)': they must match", at: id.location)
            }
        }
        guard let siteID, let title, let baseURL else { return nil }
        let config = SiteConfig(
            id: siteID, title: title, description: description, lang: lang,
            baseURL: baseURL, shortURL: shortURL, beaconURL: beaconURL?.description,
            host: host, rawHTML: rawHTML, maxImageBytes: Int(maxImageMB * 1024 * 1024), theme: theme, qr: qr, cards: cards
        )
        // The ledger is one YAML file, parsed on one core (a tenth of the corpus build's first
        // second, with the other core idle): it is parsed while the content files load, and its
        // diagnostics still come after theirs.
        let ledger = BackgroundValue { [self] in DiagnosticSink.capturing { loadLedger(site: folder, sink: $0) } }
        let progress = ProgressCounter(.contentFiles, site: folderName, total: nil, report: report)
        let trails = loadTrails(site: folder, sink: sink, progress: progress)
        let pets = loadPets(site: folder, sink: sink, progress: progress)
        let pages = loadPages(site: folder, sink: sink, progress: progress)
        progress.finish()
        return Site(
            config: config, folder: folder, trails: trails, pets: pets, pages: pages,
            ledger: sink.collect([ledger.value])[0],
            itemFiles: itemFiles(site: folder)
        )
    }

    private func itemFiles(site: String) -> Set<String> {
        let trails = (files.list(absolute("\(site)/trails")) ?? []).flatMap { trail in
            (markdownFiles(in: "\(site)/trails/\(trail)") ?? []).map { "trails/\(trail)/\($0)" }
        }
        let pets = (markdownFiles(in: "\(site)/pets") ?? []).map { "pets/\($0)" }
        return Set(trails + pets)
    }

    private func url(_ fields: FieldReader, _ key: String, required: Bool) -> SiteURL? {
        guard let text = fields.located(key, required: required) else { return nil }
        guard let url = SiteURL(text.value) else {
            fields.report(.error("'\(key)' must be an absolute http(s) URL without query or fragment, found '\(text.value)'", at: text.location))
            return nil
        }
        return url
    }

    private func colour(_ fields: FieldReader, _ key: String, readableOnWhite severity: Diagnostic.Severity) -> String? {
        guard let text = fields.located(key) else { return nil }
        guard let colour = RGBColor(hex: text.value), text.value.hasPrefix("#"), text.value.count == 7 else {
            fields.report(.error("'\(key)' must be a colour written #rrggbb, found '\(text.value)'", at: text.location))
            return nil
        }
        let ratio = colour.contrastRatio(with: .white)
        if ratio < 4.5 {
            let shown = (ratio * 100).rounded() / 100
            fields.report(Diagnostic(severity, "'\(key)' \(text.value) has a contrast of \(shown):1 with white; text needs at least 4.5:1 to be readable (choose a darker colour)", at: text.location))
        }
        return text.value.lowercased()
    }

}
