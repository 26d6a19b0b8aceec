import Foundation
import Testing
import WaymarkTestSupport

/// The commands as a user meets them: exit codes, compiler-style diagnostics on stderr, init.
@Suite struct CommandLineTests {
    @Test func buildErrorsArePrintedWithSourceLineCaretAndSummary() throws {
        let project = try WaymarkBinary.exampleProject()
        let stop = "\(project)/content/hollowcreek/trails/millrace-heritage-walk/03-dye-house.md"
        let text = try String(contentsOfFile: stop, encoding: .utf8)
        try text.replacingOccurrences(of: "\ntitle:", with: "\ntitel:").write(toFile: stop, atomically: true, encoding: .utf8)
        let run = try WaymarkBinary.run(["build", "--root", project])
        #expect(run.status == 1)
        #expect(run.stderr == """
        content/hollowcreek/trails/millrace-heritage-walk/03-dye-house.md:1:1: error: missing required field 'title'
            ---
            ^
        content/hollowcreek/trails/millrace-heritage-walk/03-dye-house.md:2:1: warning: unknown key 'titel'; did you mean 'title'?
            titel: The Dye House
            ^
        content/pawprint/pets/pepper.md:19:14: warning: Pepper's 'Feline enteritis and cat flu' vaccination expired on 2026-06-11
                expires: 2026-06-11
                         ^
        1 error, 2 warnings

        """)
        #expect(!FileManager.default.fileExists(atPath: "\(project)/site"), "nothing is written on error")
    }

    @Test func anOutputThatCannotBeWrittenIsNamedWithTheSystemsReason() throws {
        let project = try WaymarkBinary.exampleProject()
        // A file where the output's parent folder should be (root may write anywhere else).
        try "not a folder".write(toFile: "\(project)/blocker", atomically: true, encoding: .utf8)
        let run = try WaymarkBinary.run(["build", "--root", project, "--output", "\(project)/blocker/site"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: cannot create folder \(project)/blocker/"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(": Not a directory\n"), "\(run.stderr)")
    }

    @Test func aCodeOrProjectThatCannotBeWrittenIsNamedWithTheSystemsReason() throws {
        // Foundation's own description of these errors is a dump of its user-info dictionary.
        let missing = NSTemporaryDirectory() + "waymark-missing-" + UUID().uuidString
        let qr = try WaymarkBinary.run(["qr", "https://acme.example/t/ABC123/", "-o", "\(missing)/code.svg"])
        #expect(qr.status == 1)
        #expect(qr.stderr == "error: \(missing)/code.svg: No such file or directory\n", "\(qr.stderr)")
        let blocker = NSTemporaryDirectory() + "waymark-blocker-" + UUID().uuidString
        try "not a folder".write(toFile: blocker, atomically: true, encoding: .utf8)
        let initRun = try WaymarkBinary.run(["init", "\(blocker)/project"])
        #expect(initRun.status == 1)
        #expect(initRun.stderr == "error: \(blocker)/project: Not a directory\n", "\(initRun.stderr)")
    }

    @Test func checkWritesNothingAndStrictFailsOnWarnings() throws {
        let project = try WaymarkBinary.exampleProject()
        let clean = try WaymarkBinary.run(["check", "--root", project])
        #expect(clean.status == 0)
        // The example registry keeps one pet with an expired vaccination, on purpose.
        #expect(clean.stderr.hasSuffix("0 errors, 1 warning\n2 external links not fetched (--verbose lists them)\n"))
        #expect(clean.stderr.hasPrefix("content/pawprint/pets/pepper.md:19:14: warning: Pepper's 'Feline enteritis and cat flu' vaccination expired on 2026-06-11"))
        #expect(!FileManager.default.fileExists(atPath: "\(project)/site"))

        let page = "\(project)/content/pawprint/pages/about.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "\ntitle:", with: "\ncolour: blue\ntitle:").write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try WaymarkBinary.run(["check", "--root", project]).status == 0)
        let strict = try WaymarkBinary.run(["check", "--root", project, "--strict", "--site", "pawprint"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/pawprint/pages/about.md:2:1: warning: unknown key 'colour'"))
    }

    @Test func checkSpeaksJSONForTools() throws {
        let project = try WaymarkBinary.exampleProject()
        let run = try WaymarkBinary.run(["check", "--root", project, "--format", "json"])
        #expect(run.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 0)
        #expect(report?["warnings"] as? Int == 1)
        let diagnostic = (report?["diagnostics"] as? [[String: Any]])?.first
        #expect(diagnostic?["path"] as? String == "content/pawprint/pets/pepper.md")
        #expect(diagnostic?["line"] as? Int == 19)
        #expect(diagnostic?["column"] as? Int == 14)
        let links = (report?["external_links"] as? [[String: Any]])?.compactMap { $0["url"] as? String }
        #expect(links == ["https://www.example.org/hollow-creek-trust/events", "https://www.example.org/archives/hollow-creek-tithe-map-1839"])
    }

    @Test func initScaffoldsAProjectThatBuilds() throws {
        let folder = try WaymarkBinary.temporaryFolder() + "/new"
        let created = try WaymarkBinary.run(["init", folder])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/content/hollowcreek/site.yml"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/templates/layout.mustache"))
        let built = try WaymarkBinary.run(["build"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("built 2 sites"))
        let again = try WaymarkBinary.run(["init", folder])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: refusing to overwrite existing files: content/hollowcreek/pages/about.md"))
    }

    @Test func buildWritesToARelativeOutputWhoseParentsDoNotExistYet() throws {
        let project = try WaymarkBinary.exampleProject()
        let run = try WaymarkBinary.run(["build", "--output", "out/preview"], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(project)/out/preview/hollowcreek/index.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(project)/site"), "only the named output is written")
    }

    @Test func theBinaryAllocatesWithJemalloc() throws {
        // Linked for build speed (Package.swift); jemalloc prints its statistics at exit when asked.
        let run = try WaymarkBinary.run(["--help"], environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("jemalloc statistics"))
    }

    @Test func unknownSiteIsAnError() throws {
        let project = try WaymarkBinary.exampleProject()
        let run = try WaymarkBinary.run(["build", "--root", project, "--site", "nope"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/nope:1:1: error: no site named 'nope'"))
    }
}
