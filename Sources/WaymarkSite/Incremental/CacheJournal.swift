import Foundation

/// The journal beside the cache payload: a header line naming the payload it continues
/// (`WAYMARK-BUILD-JOURNAL <checksum>`), then one entry per build: the length of the delta
/// (8 bytes, little-endian), its checksum (32 hex digits) and the delta (`CacheDelta`).
enum CacheJournal {
    static let magic = "WAYMARK-BUILD-JOURNAL"

    enum Contents {
        /// The deltas in the order they were appended, and the journal's size.
        case entries([CacheDelta], size: Int)
        /// A journal that continues another payload than the one read (copied in with another
        /// cache, or beside a payload restored from a backup): not to be applied.
        case otherBase
        case corrupt(String)
    }

    static func header(base checksum: String) -> [UInt8] { Array("\(magic) \(checksum)\n".utf8) }

    /// Reads a journal for the payload whose checksum is `base`.
    static func read(_ data: Data, base: String) -> Contents {
        let bytes = [UInt8](data)
        let header = header(base: base)
        guard bytes.starts(with: header) else { return .otherBase }
        var offset = header.count
        var deltas: [CacheDelta] = []
        while offset < bytes.count {
            guard bytes.count - offset >= 40 else { return .corrupt("checksum mismatch") }
            let length = bytes[offset..<(offset + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let start = offset + 40
            guard length >= 0, length <= bytes.count - start else { return .corrupt("checksum mismatch") }
            let payload = bytes[start..<(start + length)]
            guard String(decoding: bytes[(offset + 8)..<start], as: UTF8.self) == FingerprintHash.hex(payload) else {
                return .corrupt("checksum mismatch")
            }
            do {
                deltas.append(try CacheDelta(decoding: Array(payload)))
            } catch {
                return .corrupt("unreadable payload")
            }
            offset = start + length
        }
        return .entries(deltas, size: bytes.count)
    }

    /// One entry for `delta` (encoded).
    static func entry(_ delta: [UInt8]) -> [UInt8] {
        var entry = (0..<8).map { UInt8(truncatingIfNeeded: delta.count >> (8 * $0)) }
        entry += Array(FingerprintHash.hex(delta).utf8)
        return entry + delta
    }

    /// Appends `entry` to the journal at `path`; with `base`, the journal is started afresh for
    /// the payload with that checksum. An append cut short leaves an entry that fails its
    /// checksum: the next build is then a full one.
    static func append(_ entry: [UInt8], to path: String, base: String?) throws {
        let flags = base == nil ? O_WRONLY | O_APPEND | O_CLOEXEC : O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw OutputError.system("cannot write \(path)", errno) }
        defer { close(descriptor) }
        try OutputWriter.writeAll(base.map { header(base: $0) + entry } ?? entry, to: descriptor, path: path)
    }
}
