import Foundation
import Testing
import WaymarkNative
@testable import WaymarkSite

/// A rebuild with the cache renders only the pages an edit touches, and its output is byte for
/// byte what a clean build of the same content writes.
@Suite struct IncrementalBuildTests {
    let trail = "content/hollowcreek/trails/foxglove-wood-family-trail"
    var stop: String { "\(trail)/03-bluebell-glade.md" }

    @Test func aRebuildWithoutChangesRendersNothing() throws {
        let project = try IncrementalProject()
        let first = try project.build()
        #expect(first.cache.status == .missing)
        #expect(first.cache.pagesKept == 0 && first.cache.pagesRendered > 30 && first.cache.codesRendered == 36)
        let second = try project.build()
        #expect(second.cache.status == .used)
        #expect(second.cache.pagesRendered == 0 && second.cache.codesRendered == 0)
        #expect(second.cache.pagesKept == first.cache.pagesRendered && second.cache.codesKept == 36)
        #expect(project.matchesCleanBuild())
    }

    @Test func eachEditRendersOnlyWhatDependsOnItAndMatchesACleanBuild() throws {
        let project = try IncrementalProject()
        let all = try project.build().cache.pagesRendered

        // The body shows on the stop's page only.
        try project.write(stop, try project.read(stop) + "\nOne more paragraph, with a [link](/trails/).\n")
        var result = try project.build()
        #expect(result.cache.pagesRendered == 1 && result.cache.pagesKept == all - 1)
        #expect(project.matchesCleanBuild())

        // The title also shows on the trail page, both neighbours' prev/next links and the redirect page.
        try project.write(stop, try project.read(stop).replacingOccurrences(of: "title: Bluebell Glade", with: "title: Bluebell Dell"))
        result = try project.build()
        #expect(result.cache.pagesRendered == 5)
        #expect(project.matchesCleanBuild())

        // A renamed file moves the page: the same five, at a new path; the old page is removed.
        try project.move(stop, to: "\(trail)/03-bluebell-dell.md")
        result = try project.build()
        #expect(result.cache.pagesRendered == 5 && result.cache.codesRendered == 0)
        #expect(project.output["hollowcreek/trails/foxglove-wood-family-trail/bluebell-glade/index.html"] == nil)
        #expect(project.matchesCleanBuild())

        // A deleted pet takes its page, redirect and codes with it; its token gets a retired page.
        let before = result.cache.pagesKept + result.cache.pagesRendered
        try project.remove("content/pawprint/pets/otis.md")
        result = try project.build()
        #expect(result.cache.pagesRendered == 0 && result.cache.pagesKept == before - 2)
        #expect(result.cache.codesRendered == 0 && result.cache.codesKept == 34)
        #expect(project.matchesCleanBuild())

        // A template override renders every page again (QR codes do not use templates).
        let template = try String(contentsOfFile: Fixtures.repository + "/templates/stop.mustache", encoding: .utf8)
        try project.write("templates/stop.mustache", "<!-- local -->\n" + template)
        result = try project.build()
        #expect(result.cache.pagesKept == 0 && result.cache.codesRendered == 0)
        #expect(project.output.values.contains { ImageBytes.contains($0, "<!-- local -->") })
        #expect(project.matchesCleanBuild())

        // site.yml renders its own site again; the other site is kept.
        let config = "content/hollowcreek/site.yml"
        try project.write(config, try project.read(config).replacingOccurrences(of: "title: ", with: "title: New "))
        result = try project.build()
        #expect(result.cache.pagesKept == 10, "pawprint's 4 pets, 2 plain pages and 4 redirect pages are kept")
        #expect(result.cache.codesKept == 2 * 4, "pawprint's codes are kept, hollowcreek's are made again")
        #expect(project.matchesCleanBuild())
    }

    @Test func aNewDayRendersThePetPagesAgainAndNothingElse() throws {
        // Vaccinations show as valid, due or expired against the build's day; the pets' files
        // did not change, so only the day tells their pages apart.
        let project = try IncrementalProject()
        try project.build()
        let later = CalendarDate("2027-07-10")!
        let result = try project.build(today: later)
        #expect(result.cache.pagesRendered == 5, "the five pets' pages")
        #expect(project.output["pawprint/pets/bramble/index.html"].map { ImageBytes.contains($0, "status-expired") } == true)
        #expect(project.matchesCleanBuild(today: later))
        #expect(try project.build(today: later).cache.pagesRendered == 0)
    }

    @Test func aNewTokenMakesNewCodesAndRetiresTheOldOne() throws {
        let project = try IncrementalProject()
        try project.build()
        let ledger = "content/hollowcreek/tokens.yml"
        try project.write(ledger, try project.read(ledger).replacingOccurrences(of: "1C1P4M:\n  kind: stop\n  status: active", with: "1C1P4M:\n  kind: stop\n  status: retired"))
        try project.write(stop, try project.read(stop).replacingOccurrences(of: "token: 1C1P4M", with: "token: 7KQ2MX"))
        let result = try project.build()
        #expect(result.cache.codesRendered == 2 && result.cache.codesKept == 34)
        #expect(result.manifest.tokens["7KQ2MX"] != nil)
        #expect(project.matchesCleanBuild())
    }

    @Test func inputsChangedJustBeforeABuildAreNotTrustedByTheirStamp() throws {
        let project = try IncrementalProject()
        var options = SiteBuilder.Options(root: project.root, today: Fixtures.today)
        options.cacheFolder = project.cacheFolder
        options.settleSeconds = 3600
        _ = try SiteBuilder(options: options).build()
        let cache = try #require(BuildCacheFile(folder: project.cacheFolder).load().cache)
        #expect(!cache.sources.isEmpty && cache.sources.values.allSatisfy { $0.stamp == nil })
        let again = try SiteBuilder(options: options).build()
        #expect(again.cache.pagesRendered == 0, "fingerprinted by their text instead")
        #expect(project.matchesCleanBuild())
    }

    /// A fresh checkout's files all changed moments ago: the first build cannot trust their
    /// stamps, and the next one, once they have settled, must still keep every page.
    @Test func pagesBuiltFromUnsettledInputsAreKeptOnceTheySettle() throws {
        let project = try IncrementalProject()
        var options = SiteBuilder.Options(root: project.root, today: Fixtures.today)
        options.cacheFolder = project.cacheFolder
        options.settleSeconds = 3600
        let first = try SiteBuilder(options: options).build()
        let settled = try project.build()
        #expect(settled.cache.status == .used)
        #expect(settled.cache.pagesRendered == 0 && settled.cache.pagesKept == first.cache.pagesRendered)
        #expect(project.matchesCleanBuild())
    }

    @Test func anImageChangeRendersThePagesThatShowIt() throws {
        let project = try IncrementalProject()
        try Data(try QRCode(payload: "first", style: QRStyle()).png()).write(to: URL(fileURLWithPath: "\(project.root)/\(trail)/bluebells.png"))
        IncrementalProject.settle()
        try project.write(stop, try project.read(stop) + "\n![Bluebells](bluebells.png)\n")
        try project.build()
        #expect(try project.build().cache.pagesRendered == 0)
        try Data(try QRCode(payload: "second", style: QRStyle()).png()).write(to: URL(fileURLWithPath: "\(project.root)/\(trail)/bluebells.png"))
        IncrementalProject.settle()
        let result = try project.build()
        #expect(result.cache.pagesRendered == 1)
        #expect(project.matchesCleanBuild())
    }

    @Test func aKeptPageWhoseLinkTargetChangedIsCheckedAgain() throws {
        let project = try IncrementalProject()
        try project.write(stop, try project.read(stop) + "\nBack at [the sett](/trails/foxglove-wood-family-trail/badger-bank/#try-this).\n")
        try project.build()
        // Only the badger bank page is rendered; the bluebell page is kept, and its anchor is gone.
        let target = "\(trail)/02-badger-bank.md"
        try project.write(target, try project.read(target).replacingOccurrences(of: "## Try this", with: "## Look closer"))
        #expect {
            try project.build()
        } throws: { error in
            "\(error)".contains("03-bluebell-glade.md") && "\(error)".contains("has no element with id 'try-this'")
        }
    }

    @Test func outputEditedOrDeletedByHandIsRestored() throws {
        let project = try IncrementalProject()
        try project.build()
        let page = "\(project.root)/site/hollowcreek/trails/foxglove-wood-family-trail/bluebell-glade/index.html"
        let original = try #require(FileManager.default.contents(atPath: page))
        // Same size, other bytes: only the file's times tell.
        try Data(original.map { $0 == UInt8(ascii: "e") ? UInt8(ascii: "E") : $0 }).write(to: URL(fileURLWithPath: page))
        try FileManager.default.removeItem(atPath: "\(project.root)/site/_print/pawprint/qr/\(Self.firstPNG(in: project))")
        try project.write("site/hollowcreek/stray.html", "not built")
        try project.remove("site/_manifest.json")
        let result = try project.build()
        #expect(result.cache.pagesRendered == 1 && result.cache.codesRendered == 2)
        #expect(project.matchesCleanBuild())
    }

    @Test func strayFilesInFoldersKnownFromTheLastWalkAreRemoved() throws {
        let project = try IncrementalProject()
        try project.build()
        IncrementalProject.settle()
        // This walk lists the settled output and records it; the next trusts what still holds.
        try project.build()
        #expect(!FolderListingFile(folder: project.cacheFolder).load(output: project.root + "/site").isEmpty)
        IncrementalProject.settle()
        try project.write("site/hollowcreek/trails/foxglove-wood-family-trail/bluebell-glade/stray.html", "not built")
        try project.write("site/hollowcreek/trails/foxglove-wood-family-trail/bluebell-glade/extra/stray.html", "not built")
        let page = "\(project.root)/site/hollowcreek/trails/foxglove-wood-family-trail/badger-bank/index.html"
        let original = try #require(FileManager.default.contents(atPath: page))
        try Data(original.map { $0 == UInt8(ascii: "e") ? UInt8(ascii: "E") : $0 }).write(to: URL(fileURLWithPath: page))
        let result = try project.build()
        #expect(result.cache.pagesRendered == 1)
        #expect(project.matchesCleanBuild())
    }

    @Test func theCacheLivesOutsideTheOutputFolder() throws {
        let project = try IncrementalProject()
        try project.build()
        #expect(FileManager.default.fileExists(atPath: project.cacheFolder + "/build.cache"))
        #expect(!project.output.keys.contains { $0.contains("cache") })
        var options = SiteBuilder.Options(root: project.root, output: project.root, today: Fixtures.today)
        options.cacheFolder = project.cacheFolder
        #expect(try SiteBuilder(options: options).build().cache.status == .disabled, "a cache folder inside the output is not used")
    }

    static func firstPNG(in project: IncrementalProject) -> String {
        project.output.keys.filter { $0.hasPrefix("_print/pawprint/qr/") && $0.hasSuffix(".png") }.sorted()[0].split(separator: "/").last.map(String.init)!
    }
}
