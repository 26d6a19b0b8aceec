import Foundation
import Testing
import WaymarkTestSupport

/// `waymark build` end to end: the cache lives beside content/, `--verbose` says how it was used
/// (and when it was damaged), `--no-cache` neither reads nor writes it.
@Suite struct IncrementalBuildCommandTests {
    @Test func theSecondBuildKeepsEveryPageAndSaysSo() throws {
        let project = try WaymarkBinary.exampleProject()
        let first = try WaymarkBinary.run(["build", "--root", project, "--verbose"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("cache: none yet, full build; pages rendered 42, kept 0"))
        #expect(FileManager.default.fileExists(atPath: "\(project)/.waymark-cache/build.cache"))
        let output = WaymarkBinary.snapshot("\(project)/site")
        let second = try WaymarkBinary.run(["build", "--root", project, "--verbose"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("cache: used; pages rendered 0, kept 42; QR files made 0, kept 36"))
        #expect(WaymarkBinary.snapshot("\(project)/site") == output)
    }

    @Test func oneOutputFolderSpelledTwoWaysKeepsItsCache() throws {
        let project = try WaymarkBinary.exampleProject()
        let first = try WaymarkBinary.run(["build", "--root", project, "--output", "\(project)/public", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        // The same folder relative to the working folder, with a trailing slash and a detour.
        let second = try WaymarkBinary.run(["build", "--root", ".", "--output", "content/../public/", "--verbose"], in: project)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("cache: used; pages rendered 0, kept 42"), "\(second.stderr)")
    }

    @Test func aDamagedCacheIsReportedAndTheBuildIsFull() throws {
        let project = try WaymarkBinary.exampleProject()
        #expect(try WaymarkBinary.run(["build", "--root", project, "--quiet"]).status == 0)
        let cache = "\(project)/.waymark-cache/build.cache"
        var bytes = try #require(FileManager.default.contents(atPath: cache))
        bytes[bytes.count - 10] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: cache))
        let run = try WaymarkBinary.run(["build", "--root", project, "--verbose"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("cache: corrupt (checksum mismatch), ignored (full build); pages rendered 42, kept 0"))
    }

    @Test func noCacheNeitherReadsNorWritesIt() throws {
        let project = try WaymarkBinary.exampleProject()
        let run = try WaymarkBinary.run(["build", "--root", project, "--no-cache", "--verbose"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("cache:"))
        #expect(!FileManager.default.fileExists(atPath: "\(project)/.waymark-cache"))
    }
}
