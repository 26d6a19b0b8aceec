import WaymarkCore

/// The page served instead of every page while the content does not build: each diagnostic with
/// its file, line, column, message and source line, as the terminal shows them.
///
/// It carries the live-reload script like any page, so saving the fix brings the site back.
struct ErrorOverlay: Sendable, Equatable {
    let diagnostics: [Diagnostic]
    let html: String

    /// - Parameter readSource: a file's text by its diagnostic path, to quote the offending line.
    init(diagnostics: [Diagnostic], readSource: (String) -> String?) {
        // Errors first: they are why the page is here; warnings follow in file order.
        let sorted = diagnostics.sorted { $0.severity != $1.severity ? $0.severity == .error : $0.location < $1.location }
        self.diagnostics = sorted
        var items = ""
        for diagnostic in sorted {
            let location = diagnostic.location
            var item = "<li class=\"\(diagnostic.severity.rawValue)\" data-file=\"\(location.path.htmlEscaped)\""
                + " data-line=\"\(location.line)\" data-column=\"\(location.column)\">\n"
                + "<p class=\"where\"><code>\(location.path.htmlEscaped):\(location.line):\(location.column)</code>"
                + " <span class=\"severity\">\(diagnostic.severity.rawValue)</span></p>\n"
                + "<p class=\"message\">\(diagnostic.message.htmlEscaped)</p>\n"
            if let line = readSource(location.path).flatMap({ Self.line(location.line, of: $0) }) {
                let caret = String(repeating: " ", count: max(0, location.column - 1)) + "^"
                item += "<pre><span class=\"number\">\(location.line) |</span> \(line.htmlEscaped)\n"
                    + "<span class=\"number\">\(String(repeating: " ", count: String(location.line).count)) |</span> <span class=\"caret\">\(caret)</span></pre>\n"
            }
            items += item + "</li>\n"
        }
        html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>Build failed · waymark serve</title>
        <style>
        body{margin:0;background:#1e1e24;color:#eee;font:16px/1.5 system-ui,sans-serif}
        main{max-width:60rem;margin:0 auto;padding:2rem 1.5rem}
        h1{color:#ff7b72;font-size:1.6rem;margin:0 0 .5rem}
        ol{padding-left:1.5rem}li{margin:1.25rem 0}
        .where{margin:0}code,pre{font:14px/1.45 ui-monospace,Menlo,Consolas,monospace}
        .severity{font-weight:bold;color:#ff7b72}.warning .severity{color:#e3b341}
        .message{margin:.25rem 0}pre{background:#111;padding:.75rem 1rem;overflow-x:auto;border-radius:4px}
        .number{color:#888}.caret{color:#7ee787;font-weight:bold}
        </style>
        </head>
        <body>
        <main>
        <h1>The site did not build</h1>
        <p>\(DiagnosticPrinter.summary(diagnostics).htmlEscaped). Fix the file and save: this page reloads by itself.</p>
        <ol class="diagnostics">
        \(items)</ol>
        </main>
        </body>
        </html>

        """
    }

    private static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            current += 1
        }
        return nil
    }
}
