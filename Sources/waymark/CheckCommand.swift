import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load, check and render every site in memory; write nothing.",
        discussion: """
        Exits non-zero when there is an error (or, with --strict, a warning).

        Examples:
          waymark check
          waymark check --strict --site pawprint
        """
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let root = project.absoluteRoot
        let builder = SiteBuilder(options: .init(root: root, only: Set(project.site)))
        do {
            let result = try builder.check()
            DiagnosticOutput.print(result.diagnostics, root: root, summary: true)
            if strict, !result.diagnostics.isEmpty { throw ExitCode.failure }
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, root: root, summary: true)
            throw ExitCode.failure
        }
    }
}
