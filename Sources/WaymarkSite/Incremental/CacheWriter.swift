/// Encodes the cache payload: variable-length integers, and strings written once in a table and
/// referred to by number (the same URLs and paths recur on thousands of pages).
struct CacheWriter {
    private var body: [UInt8] = []
    private var table: [String: Int] = [:]
    private var strings: [String] = []

    init() { body.reserveCapacity(1 << 20) }

    mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64(value))) }

    mutating func uint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        body.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    /// A string by its number in the table.
    mutating func string(_ value: String) {
        if let index = table[value] { return int(index) }
        table[value] = strings.count
        int(strings.count)
        strings.append(value)
    }

    /// A string written in place: digests, which never repeat.
    mutating func unique(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            body.append(contentsOf: bytes)
        }
    }

    mutating func stamp(_ stamp: FileStamp) {
        int(Int(stamp.size))
        int(Int(stamp.modified))
        int(Int(stamp.changed))
        uint(stamp.inode)
    }

    /// `value` alone in the writer's integer form.
    static func varint(_ value: Int) -> [UInt8] {
        var writer = CacheWriter()
        writer.int(value)
        return writer.body
    }

    /// The table, then the body.
    mutating func finish() -> [UInt8] {
        var head = CacheWriter()
        head.int(strings.count)
        for text in strings { head.unique(text) }
        return head.body + body
    }
}
