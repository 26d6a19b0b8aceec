import Testing
import WaymarkCore

@Suite struct DiagnosticPrinterTests {
    let printer = DiagnosticPrinter { path in
        path == "content/a/site.yml" ? "id: a\ntitle: [oops\n" : nil
    }

    @Test func printsTheCompilerLineTheSourceLineAndACaret() {
        let diagnostic = Diagnostic.error("invalid YAML: bad", at: SourceLocation(path: "content/a/site.yml", line: 2, column: 8))
        #expect(printer.format(diagnostic) == """
        content/a/site.yml:2:8: error: invalid YAML: bad
            title: [oops
                   ^
        """)
    }

    @Test func withoutSourceOnlyTheCompilerLine() {
        let diagnostic = Diagnostic.warning("unknown key 'x'", at: SourceLocation(path: "gone.md", line: 3, column: 1))
        #expect(printer.format(diagnostic) == "gone.md:3:1: warning: unknown key 'x'")
    }

    @Test func reportEndsWithASummary() {
        let diagnostics = [
            Diagnostic.error("b", at: SourceLocation(path: "z.md")),
            Diagnostic.warning("a", at: SourceLocation(path: "gone.md")),
        ]
        #expect(printer.report(diagnostics) == "gone.md:1:1: warning: a\nz.md:1:1: error: b\n1 error, 1 warning")
    }
}
