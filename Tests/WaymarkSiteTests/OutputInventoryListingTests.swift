import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// The output walk skips listing a folder whose recorded listing still holds, and finds the same
/// files as a walk that lists everything, whatever was changed in between.
@Suite struct OutputInventoryListingTests {
    /// An output folder with `files` (relative paths), left long enough that every folder settles.
    func output(_ files: [String]) throws -> String {
        let root = NSTemporaryDirectory() + "waymark-listing-" + UUID().uuidString
        for file in files {
            try FileManager.default.createDirectory(atPath: PathText.parent(of: "\(root)/\(file)"), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: "\(root)/\(file)"))
        }
        settle()
        return root
    }

    /// Longer than a file-time tick: whatever changes afterwards gets other times.
    func settle() { usleep(60_000) }

    let files = ["index.html", "trails/index.html", "trails/ridge/index.html", "trails/valley/index.html", "t/ABC123/index.html", "_reports/acme/index.html"]

    @Test func aRecordedFolderIsNotListedAgain() throws {
        let root = try output(files)
        let first = OutputInventory(of: root, skipping: ["_reports"], settledBefore: FileStamp.now)
        #expect(first.foldersListed == 6)
        #expect(Set(first.listings.keys) == ["", "trails/", "trails/ridge/", "trails/valley/", "t/", "t/ABC123/"])
        #expect(first.stamps.keys.sorted() == ["index.html", "t/ABC123/index.html", "trails/index.html", "trails/ridge/index.html", "trails/valley/index.html"])
        // trails/ holds three entries: it is opened and its entries looked up in it.
        let second = OutputInventory(of: root, skipping: ["_reports"], recorded: first.listings, settledBefore: FileStamp.now)
        #expect(second.foldersListed == 0)
        #expect(second.stamps == first.stamps)
        #expect(second.listings == first.listings)
        #expect(first.listingsChanged && !second.listingsChanged)
        let under = second.files(under: ["trails", "t", "gone"]).mapValues { $0.sorted() }
        #expect(under == ["trails": ["index.html", "ridge/index.html", "valley/index.html"], "t": ["ABC123/index.html"], "gone": []])
    }

    @Test func whatChangedSinceIsFoundAsAFullWalkFindsIt() throws {
        let root = try output(files)
        let recorded = OutputInventory(of: root, skipping: ["_reports"], settledBefore: FileStamp.now).listings
        // A file edited in place (its folder keeps its stamp), one added, one removed, a new
        // folder below a leaf, and a folder swapped for a link to one outside.
        try Data("edited".utf8).write(to: URL(fileURLWithPath: "\(root)/trails/ridge/index.html"))
        try Data("stray".utf8).write(to: URL(fileURLWithPath: "\(root)/t/ABC123/stray.html"))
        try FileManager.default.removeItem(atPath: "\(root)/trails/index.html")
        try FileManager.default.createDirectory(atPath: "\(root)/trails/ridge/extra", withIntermediateDirectories: false)
        try Data("deep".utf8).write(to: URL(fileURLWithPath: "\(root)/trails/ridge/extra/index.html"))
        let elsewhere = try output(["outside.html"])
        try FileManager.default.removeItem(atPath: "\(root)/t/ABC123")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/t/ABC123", withDestinationPath: elsewhere)
        let walked = OutputInventory(of: root, skipping: ["_reports"], recorded: recorded, settledBefore: FileStamp.now)
        let full = OutputInventory(of: root, skipping: ["_reports"])
        #expect(walked.stamps == full.stamps)
        #expect(walked.stamps.keys.sorted() == ["index.html", "trails/ridge/extra/index.html", "trails/ridge/index.html", "trails/valley/index.html"])
        #expect(walked.foldersListed == 4, "trails/, trails/ridge/, its new extra/ and t/ changed; the top did not")
    }

    @Test func listingsAreWorthSavingOnlyWhenMoreThanAFewFoldersChanged() throws {
        let pages = (0..<60).map { "trails/stop-\($0)/index.html" }
        let root = try output(pages)
        let first = OutputInventory(of: root, settledBefore: FileStamp.now)
        #expect(first.listingsWorthSaving, "nothing was recorded")
        // One page folder of 62 changes: listing it again next time is cheaper than saving all.
        try Data("new".utf8).write(to: URL(fileURLWithPath: "\(root)/trails/stop-7/extra.html"))
        settle()
        let one = OutputInventory(of: root, recorded: first.listings, settledBefore: FileStamp.now)
        #expect(one.listingsChanged && one.foldersListed == 1 && !one.listingsWorthSaving)
        // The next walk from the same recorded listings lists that folder again and finds the file.
        let again = OutputInventory(of: root, recorded: first.listings, settledBefore: FileStamp.now)
        #expect(again.stamps == OutputInventory(of: root).stamps)
        #expect(again.stamps["trails/stop-7/extra.html"] != nil)
        for index in 0..<10 { try Data("new".utf8).write(to: URL(fileURLWithPath: "\(root)/trails/stop-\(index)/extra.html")) }
        settle()
        let many = OutputInventory(of: root, recorded: first.listings, settledBefore: FileStamp.now)
        #expect(many.foldersListed == 10 && many.listingsWorthSaving)
    }

    @Test func aFolderChangedJustBeforeTheWalkIsNotRecorded() throws {
        let root = try output(files)
        let before = FileStamp.now
        // File times come from a coarse clock, a tick behind this one: change it a tick later.
        settle()
        try Data("late".utf8).write(to: URL(fileURLWithPath: "\(root)/trails/late.html"))
        let walked = OutputInventory(of: root, skipping: ["_reports"], settledBefore: before)
        #expect(walked.listings["trails/"] == nil, "its stamp may not yet tell a later change")
        #expect(walked.listings["trails/ridge/"] != nil)
        #expect(OutputInventory(of: root).listings.isEmpty, "without a settle time nothing is recorded")
    }

    @Test func theListingsFileRoundTripsAndIsIgnoredWhenItCannotBeTrusted() throws {
        let root = try output(files)
        let listings = OutputInventory(of: root, settledBefore: FileStamp.now).listings
        let cache = try output([])
        let file = FolderListingFile(folder: cache + "/.waymark-cache")
        try file.save(listings, output: root)
        #expect(file.load(output: root) == listings)
        #expect(file.load(output: root + "-other").isEmpty, "listings of another output folder")
        var bytes = try #require(FileManager.default.contents(atPath: file.path))
        bytes[bytes.count - 3] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: file.path))
        #expect(file.load(output: root).isEmpty, "a damaged file")
    }
}
