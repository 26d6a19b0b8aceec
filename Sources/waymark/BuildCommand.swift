import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every site into site/<site>/ (checked first; nothing is written on error).",
        discussion: """
        Writes site/<site>/ (deploy this folder), site/_manifest.json (private: token → target) and \
        site/_server/<site>/ (server rules for hosts that do not read them from the site folder). \
        New tokens are recorded in content/<site>/tokens.yml. Set SOURCE_DATE_EPOCH to pin the day \
        vaccination states are computed for.

        Examples:
          waymark build
          waymark build --site hollowcreek --output /tmp/preview
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "Output folder (default: <root>/site).")
    var output: String?

    @Flag(help: "Also write the card sheets (as `waymark cards` with each site's default sheet).")
    var cards = false

    @Flag(help: "Print only problems: no progress bar and no summary line.")
    var quiet = false

    @Flag(help: "Print how long each phase took, and how the build cache was used.")
    var verbose = false

    @Flag(help: "Render every page, ignoring and not updating the build cache in <root>/.waymark-cache.")
    var noCache = false

    func run() throws {
        let root = project.absoluteRoot
        var options = SiteBuilder.Options(root: root, output: output, only: Set(project.site))
        if !noCache { options.cacheFolder = root + "/.waymark-cache" }
        let display = BuildProgressDisplay(quiet: quiet, verbose: verbose)
        options.report = display.handler
        options.keepUntilExit = KeptUntilExit.keep
        let builder = SiteBuilder(options: options)
        let clock = ContinuousClock.now
        let outcome = Result { try builder.build() }
        // Before anything is printed: work a failed build leaves behind (its QR codes) must not
        // draw over the diagnostics.
        display.finish()
        do {
            let result = try outcome.get()
            KeptUntilExit.keep(result)
            DiagnosticOutput.print(result.diagnostics, root: root, summary: false)
            if !quiet {
                for ledger in result.updatedLedgers { print("updated \(ledger)") }
                let files = result.pageCounts.values.reduce(0, +)
                let elapsed = ContinuousClock.now - clock
                print("built \(result.pageCounts.count) site\(result.pageCounts.count == 1 ? "" : "s"), \(files) files, \(result.manifest.tokens.count) tokens in \(elapsed.formatted(.units(allowed: [.milliseconds])))")
            }
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, root: root, summary: true)
            throw ExitCode.failure
        } catch {
            throw ErrorMessage.report(error)
        }
        // After the site is in place: the cards print the payloads the built manifest records.
        if cards {
            try CardsCommand.print(with: CardPrinter(options: .init(root: root, output: output, sites: Set(project.site))), root: root, diagnostics: false)
        }
    }
}
