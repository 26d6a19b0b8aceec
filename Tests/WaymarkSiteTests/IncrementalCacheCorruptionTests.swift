import Foundation
import Testing
import WaymarkCore
@testable import WaymarkSite

/// A damaged, foreign or stale cache is noticed and ignored: the build renders everything and its
/// output is exactly a clean build's.
@Suite struct IncrementalCacheCorruptionTests {
    /// A project built once (cache written), with one stop edited since, so a wrongly trusted cache
    /// would show in the output.
    func builtProject() throws -> IncrementalProject {
        let project = try IncrementalProject()
        try project.build()
        let stop = "content/hollowcreek/trails/millrace-heritage-walk/02-weir.md"
        try project.write(stop, try project.read(stop) + "\nAn edit made after the cache was written.\n")
        return project
    }

    var cacheFile: (IncrementalProject) -> String { { $0.cacheFolder + "/build.cache" } }

    func damage(_ project: IncrementalProject, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = try #require(FileManager.default.contents(atPath: cacheFile(project))).map { $0 }
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: cacheFile(project)))
    }

    func expectFullBuild(_ project: IncrementalProject, status: CacheStatus) throws {
        let result = try project.build()
        #expect(result.cache.status == status)
        #expect(result.cache.pagesKept == 0 && result.cache.codesKept == 0)
        #expect(project.matchesCleanBuild())
        #expect(try project.build().cache.status == .used, "the full build wrote a good cache again")
    }

    @Test func flippedBytesFailTheChecksum() throws {
        let project = try builtProject()
        try damage(project) { bytes in
            // In the payload (past the header), so only the checksum can tell.
            let index = bytes.count - 200
            bytes[index] ^= 0x01
        }
        try expectFullBuild(project, status: .corrupt("checksum mismatch"))
    }

    @Test func aTruncatedCacheIsCorrupt() throws {
        let project = try builtProject()
        try damage(project) { $0.removeLast($0.count / 2) }
        try expectFullBuild(project, status: .corrupt("checksum mismatch"))
        try damage(project) { $0.removeLast($0.count - 10) }
        try expectFullBuild(project, status: .corrupt("not a waymark cache"))
    }

    @Test func garbageIsNotACache() throws {
        let project = try builtProject()
        try damage(project) { $0 = Array("{\"sites\": 42}\n\u{0}\u{1}garbage".utf8) }
        try expectFullBuild(project, status: .corrupt("not a waymark cache"))
    }

    @Test func aValidChecksumOverAnUnreadablePayloadIsCorrupt() throws {
        let project = try builtProject()
        let file = BuildCacheFile(folder: project.cacheFolder)
        let payload = Array("[1, 2, 3]".utf8)
        let header = "\(BuildCacheFile.magic)\n\(BuildCacheFile.formatVersion)\n\(file.identity)\n\(FingerprintHash.hex(payload))\n"
        try Data(Array(header.utf8) + payload).write(to: URL(fileURLWithPath: file.path))
        try expectFullBuild(project, status: .corrupt("unreadable payload"))
    }

    @Test func aCacheFromAnotherVersionIsIgnored() throws {
        let project = try builtProject()
        let (cache, status) = BuildCacheFile(folder: project.cacheFolder).load()
        #expect(status == .used)
        try BuildCacheFile(folder: project.cacheFolder, identity: "exe-another-build").save(try #require(cache))
        try expectFullBuild(project, status: .otherVersion)
        try damage(project) { bytes in
            let version = Array("\n\(BuildCacheFile.formatVersion)\n".utf8)
            let at = try! #require(bytes.firstRange(of: version))
            bytes.replaceSubrange(at, with: Array("\n\(BuildCacheFile.formatVersion + 1)\n".utf8))
        }
        try expectFullBuild(project, status: .otherVersion)
    }

    @Test func aCacheForAnotherOutputFolderIsIgnored() throws {
        let project = try builtProject()
        let file = BuildCacheFile(folder: project.cacheFolder)
        var cache = try #require(file.load().cache)
        cache.output = "/somewhere/else"
        try file.save(cache)
        try expectFullBuild(project, status: .otherOutput)
    }

    @Test func aDeletedCacheMeansAFullBuild() throws {
        let project = try builtProject()
        try FileManager.default.removeItem(atPath: project.cacheFolder)
        try expectFullBuild(project, status: .missing)
    }
}

