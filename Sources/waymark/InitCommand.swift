import ArgumentParser
import Foundation
import WaymarkSite

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new project from the example content (two sites: trails and pets).",
        discussion: """
        Writes content/ and templates/ into the folder; never overwrites a file.

        Examples:
          waymark init my-trails && cd my-trails && waymark build
        """
    )

    @Argument(help: "Folder to create the project in.")
    var folder: String

    func run() throws {
        do {
            let written = try ProjectScaffold.write(to: folder)
            print("created \(written.count) files in \(folder): edit content/, then run 'waymark build' there")
        } catch {
            throw ErrorMessage.report(error)
        }
    }
}
