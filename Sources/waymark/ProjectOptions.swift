import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

/// Flags shared by the commands that read a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Project folder holding content/ and templates/.")
    var root: String = "."

    @Option(name: .long, help: "Build or check only this site (repeatable).")
    var site: [String] = []

    var absoluteRoot: String {
        let url = URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }
}

/// Prints diagnostics to stderr like a compiler, in colour on a terminal unless NO_COLOR is set.
enum DiagnosticOutput {
    static func printer(root: String) -> DiagnosticPrinter {
        let environment = ProcessInfo.processInfo.environment
        let colour = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return DiagnosticPrinter(colour: colour) { path in
            try? String(contentsOfFile: path.hasPrefix("/") ? path : "\(root)/\(path)", encoding: .utf8)
        }
    }

    static func print(_ diagnostics: [Diagnostic], root: String, summary: Bool) {
        guard !diagnostics.isEmpty || summary else { return }
        let printer = printer(root: root)
        let text = summary ? printer.report(diagnostics) : diagnostics.sorted { $0.location < $1.location }.map(printer.format).joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
