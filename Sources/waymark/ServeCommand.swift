import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkPreview

/// `waymark serve`: a local preview with live reload; writes nothing.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the sites on 127.0.0.1, rebuilding and reloading the browser on every save.",
        discussion: """
        Builds in memory (site/ and the token ledgers are never written) and serves each site on \
        its own port, from --port up, as its host would: index.html for folders, the site's \
        404.html, and its _redirects rules, so /t/<TOKEN> behaves as it will when deployed. Token \
        pages send their scan beacon to the preview, which prints it, never to beacon_url. While \
        the content has errors, every page shows them; the next good save brings the site back.

        Examples:
          waymark serve
          waymark serve --site hollowcreek --port 8080 --open
          waymark serve --poll        # content on a network or container file system
        """
    )

    @OptionGroup var project: ProjectOptions
    @Option(help: "Port of the first site; the others follow (0: any free ports).") var port = 1313
    @Flag(help: "Open the first site in the browser.") var open = false
    @Flag(help: "Watch by polling instead of inotify (for file systems that send no events).") var poll = false

    func run() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        let root = project.absoluteRoot
        let sites: [SiteID]
        do { sites = try PreviewOptions.sites(in: root, named: project.site) } catch { throw ValidationError(error.description) }
        let options = PreviewOptions(root: root, sites: sites, port: port, watchMode: poll ? .polling : .automatic)
        let server = PreviewServer(options: options, report: ServeOutput(root: root).show)
        let addresses: [(site: SiteID, url: String)]
        do { addresses = try server.start() } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        if open, let first = addresses.first, !PreviewBrowser.open(first.url) {
            FileHandle.standardError.write(Data("note: no browser opener found; open \(first.url) yourself\n".utf8))
        }
        server.runUntilTerminated()
    }
}
