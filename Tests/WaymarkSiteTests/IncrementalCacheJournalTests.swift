import Foundation
import Testing
@testable import WaymarkSite

/// After a small edit the cache is saved as a journal entry beside the payload (`build.journal`)
/// instead of whole; a cache read back from payload + journal gives the same rebuilds, and a
/// damaged journal is noticed like a damaged payload.
@Suite struct IncrementalCacheJournalTests {
    let stop = "content/hollowcreek/trails/foxglove-wood-family-trail/03-bluebell-glade.md"

    func journalSize(_ project: IncrementalProject) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: journal(project)))?[.size] as? Int) ?? 0
    }

    func journal(_ project: IncrementalProject) -> String { project.cacheFolder + "/build.journal" }

    /// Adds a paragraph to the stop (its page alone renders again).
    func edit(_ project: IncrementalProject, _ paragraph: String) throws {
        try project.write(stop, try project.read(stop) + "\n\(paragraph)\n")
    }

    /// A project built whole once, then after an edit saved as one journal entry.
    func journaledProject() throws -> IncrementalProject {
        let project = try IncrementalProject()
        try project.build()
        try edit(project, "One more paragraph.")
        try project.build(journalShare: 1000)
        #expect(journalSize(project) > 0)
        return project
    }

    func payloadModified(_ project: IncrementalProject) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: project.cacheFolder + "/build.cache")[.modificationDate] as? Date)
    }

    /// Every kind of edit, each saved as one more journal entry (the journal may grow without
    /// bound here), each rebuild reading payload + journal and matching a clean build.
    @Test func everyEditGoesToTheJournalAndEachRebuildMatchesACleanBuild() throws {
        let project = try IncrementalProject()
        let all = try project.build(journalShare: 1000).cache.pagesRendered
        #expect(journalSize(project) == 0, "a first build writes the payload whole")
        let payload = try payloadModified(project)
        var sizes: [Int] = []
        func rebuild() throws -> SiteBuilder.Result {
            let result = try project.build(journalShare: 1000)
            #expect(result.cache.status == .used)
            #expect(project.matchesCleanBuild())
            sizes.append(journalSize(project))
            return result
        }

        try edit(project, "One more paragraph.")
        #expect(try rebuild().cache.pagesRendered == 1)
        try project.write(stop, try project.read(stop).replacingOccurrences(of: "title: Bluebell Glade", with: "title: Bluebell Dell"))
        #expect(try rebuild().cache.pagesRendered == 5)
        try project.move(stop, to: stop.replacingOccurrences(of: "glade", with: "dell"))
        #expect(try rebuild().cache.pagesRendered == 5)
        try project.remove("content/pawprint/pets/otis.md")
        #expect(try rebuild().cache.pagesRendered == 0)
        let config = "content/hollowcreek/site.yml"
        try project.write(config, try project.read(config).replacingOccurrences(of: "title: ", with: "title: New "))
        #expect(try rebuild().cache.pagesKept == 10)
        // Nothing changed: nothing to save, the journal stays as it is.
        let unchanged = try rebuild()
        #expect(unchanged.cache.pagesRendered == 0 && unchanged.cache.pagesKept == all - 2, "all but the deleted pet's page and redirect")

        #expect(sizes.count == 6 && zip(sizes, sizes.dropFirst()).dropLast().allSatisfy { $0 < $1 }, "each edit appended an entry: \(sizes)")
        #expect(sizes[5] == sizes[4])
        #expect(try payloadModified(project) == payload, "the payload itself was never written again")
    }

    @Test func aJournalGrownPastItsShareIsFoldedIntoAFreshPayload() throws {
        let project = try journaledProject()
        try edit(project, "And another.")
        try project.build(journalShare: 0)
        #expect(journalSize(project) == 0, "saved whole, the journal is gone")
        try edit(project, "And a third.")
        #expect(try project.build().cache.pagesRendered == 1)
        #expect(project.matchesCleanBuild())
    }

    @Test func aDamagedJournalEntryMeansAFullBuild() throws {
        let project = try journaledProject()
        let journal = journal(project)
        var bytes = try #require(FileManager.default.contents(atPath: journal)).map { $0 }
        bytes[bytes.count - 3] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        try edit(project, "And another.")
        let result = try project.build()
        #expect(result.cache.status == .corrupt("checksum mismatch"))
        #expect(result.cache.pagesKept == 0)
        #expect(project.matchesCleanBuild())

        // Cut short, as by a crash while appending.
        try edit(project, "And a third.")
        try project.build(journalShare: 1000)
        bytes = try #require(FileManager.default.contents(atPath: journal)).map { $0 }
        try Data(bytes.dropLast(5)).write(to: URL(fileURLWithPath: journal))
        #expect(try project.build().cache.status == .corrupt("checksum mismatch"))
        #expect(project.matchesCleanBuild())
    }

    /// A journal that continues another payload (copied in with another cache, or beside a
    /// payload restored from a backup) is not applied: the payload alone is an older state,
    /// against which every kept file is verified on disk.
    @Test func aJournalOfAnotherPayloadIsIgnored() throws {
        let project = try journaledProject()
        let kept = try #require(FileManager.default.contents(atPath: journal(project)))
        try edit(project, "And another.")
        try project.build(journalShare: 0)
        try kept.write(to: URL(fileURLWithPath: journal(project)))
        try edit(project, "And a third.")
        let result = try project.build()
        #expect(result.cache.status == .used && result.cache.pagesRendered == 1)
        #expect(project.matchesCleanBuild())
    }
}
