/// Decodes what `CacheWriter` wrote; every read is bounds-checked and throws on malformed input,
/// so a damaged payload is reported, never trusted.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0
    private var strings: [String] = []

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let count = try int()
        guard count >= 0, count <= bytes.count else { throw Malformed() }
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try unique()) }
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// An integer at the start of `bytes` (no string table), and the offset after it.
    static func varint(in bytes: [UInt8]) throws -> (value: Int, end: Int) {
        var reader = CacheReader(unchecked: bytes)
        return (try reader.int(), reader.offset)
    }

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    mutating func uint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
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
        guard value >= 0, value <= bytes.count - offset else { throw Malformed() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
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
        guard length >= 0, length <= bytes.count - offset else { throw Malformed() }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func stamp() throws -> FileStamp {
        FileStamp(size: Int64(try int()), modified: Int64(try int()), changed: Int64(try int()), inode: try uint())
    }
}
