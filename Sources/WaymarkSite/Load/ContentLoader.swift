import Foundation
import WaymarkCore

/// Loads every site under `<root>/content` into models, collecting all diagnostics on the way.
public struct ContentLoader: Sendable {
    public var root: String
    public var files: ContentFiles
    /// Front matter parsed by the previous build (stops and trails); nil parses everything.
    var sources: SourceCache?
    /// Where each site's count of loaded content files goes (`BuildEvent.progress`); nil counts nothing.
    public var report: (@Sendable (BuildEvent) -> Void)?
    /// The folders listed by the load under way (each `load` starts afresh).
    private var listings = MarkdownListings()

    public init(root: String, files: ContentFiles = .disk) {
        self.root = root
        self.files = files
    }

    /// Loads the sites (all, or those named); diagnostics hold warnings and errors alike.
    public func load(only siteIDs: Set<String> = []) -> (sites: [Site], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let folders = (files.list(absolute("content")) ?? []).filter { name in
            !name.hasPrefix(".") && files.isDirectory(absolute("content/\(name)")) && (siteIDs.isEmpty || siteIDs.contains(name))
        }
        if folders.isEmpty {
            sink.error(siteIDs.isEmpty ? "no sites found: add content/<site>/site.yml" : "no site named \(siteIDs.sorted().joined(separator: ", ")) under content/", at: SourceLocation(path: "content"))
        }
        var run = self
        run.listings = MarkdownListings()
        let sites = folders.compactMap { run.loadSite(folder: "content/\($0)", sink: sink) }
        return (sites, sink.diagnostics)
    }

    /// Largest Markdown file accepted: far beyond any real page, small enough to never stall a build.
    static let markdownLimit = 4 * 1024 * 1024

    func absolute(_ relative: String) -> String { root + "/" + relative }

    /// Reads a content file as UTF-8 text; nil (with a diagnostic) when unreadable or not text.
    func text(_ relative: String, sink: DiagnosticSink) -> SourceText? {
        let data: Data
        do {
            data = try files.read(absolute(relative))
        } catch {
            sink.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(path: relative))
            return nil
        }
        guard data.count <= Self.markdownLimit else {
            sink.error("file is \(ByteSize(data.count)); a content file may be at most \(ByteSize(Self.markdownLimit))", at: SourceLocation(path: relative))
            return nil
        }
        // memchr: Data's generic firstIndex(of:) walked the bytes one by one, a twentieth of a build.
        let nul = data.withUnsafeBytes { raw in raw.baseAddress.flatMap { base in memchr(base, 0, raw.count).map { base.distance(to: UnsafeRawPointer($0)) } } }
        if let nul {
            sink.error("file contains a NUL byte at offset \(nul): it is not text", at: SourceLocation(path: relative))
            return nil
        }
        guard let string = String(data: data, encoding: .utf8) else {
            sink.error("file is not valid UTF-8 text", at: SourceLocation(path: relative))
            return nil
        }
        do {
            return try SourceText.split(string, path: relative)
        } catch {
            sink.report(error)
            return nil
        }
    }

    /// Reads a whole file as a YAML mapping (site.yml, tokens.yml) rather than front matter.
    func yamlFile(_ relative: String, sink: DiagnosticSink) -> FieldReader? {
        guard let data = try? files.read(absolute(relative)) else {
            sink.error("missing file \(relative)", at: SourceLocation(path: relative))
            return nil
        }
        guard let string = String(data: data, encoding: .utf8) else {
            sink.error("file is not valid UTF-8 text", at: SourceLocation(path: relative))
            return nil
        }
        return FieldReader.frontMatter(of: SourceText(path: relative, frontMatter: string, frontMatterLine: 1, body: "", bodyLine: 1), sink: sink)
    }

    /// Markdown files of a folder, sorted by name; nil when the folder does not exist.
    func markdownFiles(in folder: String) -> [String]? {
        listings.files(in: folder) { files.list(absolute(folder))?.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted() }
    }
}
