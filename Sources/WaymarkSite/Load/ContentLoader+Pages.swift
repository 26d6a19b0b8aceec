import WaymarkCore

extension ContentLoader {
    func loadPages(site: String, sink: DiagnosticSink, progress: ProgressCounter) -> [Page] {
        let folder = "\(site)/pages"
        return (markdownFiles(in: folder) ?? []).compactMap { file in
            defer { progress.tick(1) }
            let path = "\(folder)/\(file)"
            let slug = String(file.dropLast(3))
            guard let source = text(path, sink: sink), let fields = FieldReader.frontMatter(of: source, sink: sink) else { return nil }
            let title = fields.string("title", required: true)
            let summary = fields.string("summary")
            fields.finish()
            guard Slug.isValid(slug), !Slug.reservedForPages.contains(slug) else {
                sink.error("page file name '\(file)' is not usable: use lower-case letters, digits and hyphens, and none of \(Slug.reservedForPages.sorted().joined(separator: ", "))", at: SourceLocation(path: path))
                return nil
            }
            guard let title else { return nil }
            return Page(slug: slug, source: path, title: title, summary: summary, body: source.body, bodyLine: source.bodyLine)
        }
    }
}
