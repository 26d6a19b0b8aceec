import Foundation
import WaymarkCore
import WaymarkNative

/// Makes the printable card sheets of one or more sites: `waymark cards` and `waymark build --cards`.
///
/// It checks the whole project first (the same run as `waymark check`), takes every code's text
/// from the manifest so a printed code is exactly what the site serves, and writes
/// `site/_print/<site>/<name>.pdf`, `.png` (first page) and `.html` (not for passports, whose
/// private notes stay in one file), each file swapped in atomically; `qr/` is left alone.
public struct CardPrinter: Sendable {
    public struct Options: Sendable {
        public var root: String
        public var output: String
        /// Sites to print (all when empty).
        public var sites: Set<String>
        /// Only this trail's stop cards.
        public var trail: String?
        /// Only this pet's tag and passport.
        public var pet: String?
        /// Overrides the sites' `cards.sheet`.
        public var sheet: CardSettings.Sheet?
        /// Overrides the sites' `cards.offset` (millimetres right, down).
        public var offset: (x: Double, y: Double)?
        public var today: CalendarDate
        /// PDF dates: SOURCE_DATE_EPOCH when set, else a fixed date, so bytes never depend on the clock.
        public var date: Int
        public var files: ContentFiles

        public init(root: String, output: String? = nil, sites: Set<String> = [], trail: String? = nil, pet: String? = nil,
                    sheet: CardSettings.Sheet? = nil, offset: (x: Double, y: Double)? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment, files: ContentFiles = .disk) {
            self.root = root
            self.output = output ?? root + "/site"
            self.sites = sites
            self.trail = trail
            self.pet = pet
            self.sheet = sheet
            self.offset = offset
            today = .buildDay(environment: environment)
            date = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? CardPrinter.fixedDate
            self.files = files
        }
    }

    /// One written file, relative to the output folder, with what it holds.
    public struct PrintedFile: Sendable, Equatable {
        public var path: String
        public var cards: Int
        public var pages: Int
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var files: [PrintedFile]
        /// Every file's bytes by path relative to the output folder (what `write` writes).
        public var contents: [String: [UInt8]]
    }

    /// 2026-01-01T00:00:00Z: the PDF date when SOURCE_DATE_EPOCH is not set.
    public static let fixedDate = 1_767_225_600

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Checks the project and makes every sheet in memory.
    public func make() throws(DiagnosticsError) -> Result {
        let checked = try SiteBuilder(options: .init(root: options.root, only: options.sites, today: options.today, files: options.files)).check()
        let sites = ContentLoader(root: options.root, files: options.files).load().sites
            .filter { options.sites.isEmpty || options.sites.contains($0.id.rawValue) }
            .sorted { $0.id < $1.id }
        let templates = try TemplateSet(overridesIn: options.root + "/templates", files: options.files)
        let payloads = Dictionary(uniqueKeysWithValues: checked.manifest.tokens.compactMap { key, entry in
            (try? Token.validate(key).get()).map { ($0, entry.payload) }
        })
        try checkFilters(sites)

        var result = Result(diagnostics: checked.diagnostics, files: [], contents: [:])
        for site in sites {
            let job = SiteCards(site: site, options: options, templates: templates, payloads: payloads)
            for (path, file) in try job.make() {
                result.contents["_print/\(site.id)/\(path)"] = file.bytes
                result.files.append(PrintedFile(path: "_print/\(site.id)/\(path)", cards: file.cards, pages: file.pages))
            }
        }
        result.files.sort { $0.path < $1.path }
        return result
    }

    /// Makes the sheets and writes them; each file replaces its previous version atomically.
    public func write() throws -> Result {
        let result = try make()
        try OutputWriter(root: options.output).replace(result.contents.mapValues { .file($0) })
        return result
    }
}

private extension CardPrinter {
    func checkFilters(_ sites: [Site]) throws(DiagnosticsError) {
        var problems: [Diagnostic] = []
        if let trail = options.trail, !sites.contains(where: { $0.trails.contains { $0.slug == trail } }) {
            let known = sites.flatMap { $0.trails.map(\.slug) }
            let hint = Suggestion.closest(to: trail, among: known).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(.error("no trail named '\(trail)'\(hint)", at: SourceLocation(path: "content")))
        }
        if let pet = options.pet, !sites.contains(where: { $0.pets.contains { $0.slug == pet } }) {
            let known = sites.flatMap { $0.pets.map(\.slug) }
            let hint = Suggestion.closest(to: pet, among: known).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(.error("no pet named '\(pet)'\(hint)", at: SourceLocation(path: "content")))
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
    }
}
