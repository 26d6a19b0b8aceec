/// Decodes what `CacheWriter` wrote; every read is bounds-checked and throws on malformed input,
/// so a damaged payload is reported, never trusted.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset: Int
    /// Where the part being read ends: a reader may read a part of `bytes` in place (a cache
    /// file's payload, one of its blocks) instead of a copy of it.
    private let end: Int
    private var strings: [String] = []

    /// Reads `range` of `bytes` (all of it by default), which starts with its string table.
    init(_ bytes: [UInt8], range: Range<Int>? = nil) throws {
        self.init(unchecked: bytes, range: range ?? 0..<bytes.count)
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try unique()) }
    }

    var isAtEnd: Bool { offset == end }

    /// An integer at `start` in `bytes` (no string table), and the offset after it.
    static func varint(in bytes: [UInt8], at start: Int = 0) throws -> (value: Int, end: Int) {
        var reader = CacheReader(unchecked: bytes, range: start..<bytes.count)
        return (try reader.int(), reader.offset)
    }

    private init(unchecked bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    mutating func uint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint())) }

    /// A count of items that follow, each at least one byte long.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw Malformed() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let index = try int()
        guard strings.indices.contains(index) else { throw Malformed() }
        return strings[index]
    }

    mutating func unique() throws -> String {
        let length = try int()
        guard length >= 0, length <= end - offset else { throw Malformed() }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func stamp() throws -> FileStamp {
        FileStamp(size: Int64(try int()), modified: Int64(try int()), changed: Int64(try int()), inode: try uint())
    }
}
