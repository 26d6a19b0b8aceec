import Foundation
import WaymarkCore
@testable import WaymarkSite

/// A copy of the example project in a temporary folder, built with the build cache, and compared
/// with a clean build of the same content into another folder.
struct IncrementalProject {
    let root: String

    /// Copies the repository's example content (and `extra` files, project-relative) to a new folder.
    init(extra: [String: String] = [:]) throws {
        root = NSTemporaryDirectory() + "waymark-incremental-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.repository + "/content", toPath: root + "/content")
        for (path, text) in extra { try write(path, text) }
        Self.settle()
    }

    /// Builds trust an input's stamp only once it is older than `settleSeconds` (0.05 here):
    /// the helpers that change inputs wait that long, so each build sees settled files, as a
    /// person editing between builds would leave them.
    static func settle() { usleep(60_000) }

    var cacheFolder: String { root + "/.waymark-cache" }

    /// Builds with the cache, as `waymark build` does.
    @discardableResult
    /// `journalShare`: how large the cache journal may grow (`BuildCacheFile.journalShare`).
    func build(today: CalendarDate = Fixtures.today, journalShare: Double = 0.25) throws -> SiteBuilder.Result {
        var options = SiteBuilder.Options(root: root, today: today)
        options.cacheFolder = cacheFolder
        options.cacheJournalShare = journalShare
        // Longer than a file-time tick, short enough that the first build's inputs are settled
        // by the second (so stamps, not only front matter, are used).
        options.settleSeconds = 0.05
        return try SiteBuilder(options: options).build()
    }

    /// Every output file with its bytes.
    var output: [String: [UInt8]] { Self.files(under: root + "/site") }

    /// The output of a build without any cache of the same content and templates, in a fresh folder.
    func cleanOutput(today: CalendarDate = Fixtures.today) throws -> [String: [UInt8]] {
        let clean = NSTemporaryDirectory() + "waymark-clean-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: clean, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: clean) }
        for folder in ["content", "templates"] where FileManager.default.fileExists(atPath: "\(root)/\(folder)") {
            try FileManager.default.copyItem(atPath: "\(root)/\(folder)", toPath: "\(clean)/\(folder)")
        }
        _ = try SiteBuilder(options: .init(root: clean, today: today)).build()
        return Self.files(under: clean + "/site")
    }

    /// Paths whose presence or bytes differ between the incremental and the clean build.
    func differencesFromCleanBuild(today: CalendarDate = Fixtures.today) throws -> [String] {
        let (mine, clean) = (output, try cleanOutput(today: today))
        let differing = Set(mine.keys).union(clean.keys).filter { mine[$0] != clean[$0] }.sorted()
        if let first = differing.first, let a = mine[first], let b = clean[first] {
            let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            print("\(first) at byte \(at):\n incremental: \(String(decoding: a[max(0, at - 80)..<min(a.count, at + 80)], as: UTF8.self))\n clean: \(String(decoding: b[max(0, at - 80)..<min(b.count, at + 80)], as: UTF8.self))")
        }
        return differing
    }

    /// Whether the output equals a clean build's; prints the paths that differ when not.
    func matchesCleanBuild(today: CalendarDate = Fixtures.today) -> Bool {
        guard let differences = try? differencesFromCleanBuild(today: today) else { return false }
        if !differences.isEmpty { print("differs from a clean build: \(differences.prefix(10))") }
        return differences.isEmpty
    }

    func write(_ path: String, _ text: String) throws {
        let file = "\(root)/\(path)"
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        Self.settle()
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: "\(root)/\(path)", encoding: .utf8) }

    func move(_ path: String, to newPath: String) throws {
        try FileManager.default.moveItem(atPath: "\(root)/\(path)", toPath: "\(root)/\(newPath)")
        Self.settle()
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: "\(root)/\(path)")
        Self.settle()
    }

    static func files(under folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                files[path] = Array(FileManager.default.contents(atPath: "\(folder)/\(path)") ?? Data())
            }
        }
        return files
    }
}
