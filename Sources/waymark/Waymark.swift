import ArgumentParser

/// The `waymark` command: a thin shell over the WaymarkSite library.
@main
struct Waymark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Static sites, QR codes and print cards for walking trails and pet profiles.",
        discussion: """
        A project holds content/<site>/ folders of Markdown with YAML front matter, optional \
        templates/ overrides, and builds into site/<site>/, one deployable folder per site.

        Examples:
          waymark init my-trails
          waymark build
          waymark check --site hollowcreek
          waymark cards --sheet a4
          waymark qr https://hc.example/t/88X0WK -o code.svg
        """,
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, CardsCommand.self, QRCommand.self, ReportCommand.self, ServeCommand.self]
    )
}
