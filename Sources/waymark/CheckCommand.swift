import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every site (content, tokens, links, images) without writing anything.",
        discussion: """
        Loads and renders every site in memory, checks tokens against the ledgers, every internal \
        link, anchor and image against the rendered pages, and lists external links (never \
        fetched). Exits non-zero when there is an error (or, with --strict, a warning).

        Examples:
          waymark check
          waymark check --strict --site pawprint
          waymark check --format json > check.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text (for people, on stderr) or json (on stdout).")
    var format: Format = .text

    @Flag(help: "List every external link (they are never fetched).")
    var verbose = false

    func run() throws {
        let root = project.absoluteRoot
        let builder = SiteBuilder(options: .init(root: root, only: Set(project.site)))
        var diagnostics: [Diagnostic]
        var links: [(url: String, location: SourceLocation)] = []
        do {
            let result = try builder.check()
            diagnostics = result.diagnostics
            links = result.rendered.values.flatMap(\.externalLinks)
        } catch {
            diagnostics = error.diagnostics
        }
        switch format {
        case .json:
            print(CheckReport(diagnostics: diagnostics, externalLinks: links).json())
        case .text:
            DiagnosticOutput.print(diagnostics, root: root, summary: true)
            if verbose {
                let listed = links.sorted { $0.location < $1.location }.map { "\($0.location): note: external link (not fetched): \($0.url)\n" }
                FileHandle.standardError.write(Data(listed.joined().utf8))
            } else if !links.isEmpty {
                FileHandle.standardError.write(Data("\(links.count) external link\(links.count == 1 ? "" : "s") not fetched (--verbose lists them)\n".utf8))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) || (strict && !diagnostics.isEmpty) {
            throw ExitCode.failure
        }
    }
}
