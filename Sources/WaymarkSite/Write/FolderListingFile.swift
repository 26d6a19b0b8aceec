import Foundation
import WaymarkCore

/// The output walk's folder listings, kept for the next walk in `<cache folder>/folders`: a
/// short text header (magic, format version, checksum of the payload) and a `CacheWriter`
/// payload. Apart from the build cache because the walk reads it on its own thread before the
/// cache is read, and because it records only what the file system held, whatever was built.
/// A damaged file or one about another output folder is ignored: every folder is listed again.
struct FolderListingFile: Sendable {
    static let magic = "WAYMARK-FOLDER-LISTINGS"
    static let formatVersion = 1

    /// `<folder>/folders`
    let path: String

    init(folder: String) { path = folder + "/folders" }

    /// The listings recorded for the output folder `output`; empty when there are none to trust.
    func load(output: String) -> [String: FolderListing] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let lines = data.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count == 4, String(decoding: lines[0], as: UTF8.self) == Self.magic,
              String(decoding: lines[1], as: UTF8.self) == "\(Self.formatVersion)",
              String(decoding: lines[2], as: UTF8.self) == FingerprintHash.hex(lines[3]) else { return [:] }
        do {
            var reader = try CacheReader(Array(lines[3]))
            guard try reader.unique() == output else { return [:] }
            var listings: [String: FolderListing] = [:]
            let count = try reader.count()
            listings.reserveCapacity(count)
            for _ in 0 ..< count {
                let folder = try reader.unique()
                listings[folder] = FolderListing(stamp: try reader.stamp(), files: try reader.list(), folders: try reader.list())
            }
            guard reader.isAtEnd else { return [:] }
            return listings
        } catch {
            return [:]
        }
    }

    /// Replaces the file with `listings` (by folder path relative to `output`, "" for itself).
    func save(_ listings: [String: FolderListing], output: String) throws {
        var writer = CacheWriter()
        writer.unique(output)
        writer.int(listings.count)
        for (folder, listing) in listings {
            writer.unique(folder)
            writer.stamp(listing.stamp)
            writer.list(listing.files)
            writer.list(listing.folders)
        }
        let payload = writer.finish()
        var data = Data("\(Self.magic)\n\(Self.formatVersion)\n\(FingerprintHash.hex(payload))\n".utf8)
        data.append(contentsOf: payload)
        try FileManager.default.createDirectory(atPath: PathText.parent(of: path), withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
