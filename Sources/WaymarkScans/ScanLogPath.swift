import WaymarkCore

/// Where events live: `<logs>/site=<id>/date=YYYY-MM-DD/<node>-<seq>.ndjson` (hive-style
/// partitions, so DuckDB, Spark or ClickHouse read the tree as is).
public struct ScanLogPath: Hashable, Sendable, CustomStringConvertible {
    public var site: SiteID
    public var day: UTCDay
    public var node: String
    /// Counts up within one partition per node: a new number per process start and per rotation.
    public var sequence: Int

    public init(site: SiteID, day: UTCDay, node: String, sequence: Int) {
        self.site = site
        self.day = day
        self.node = node
        self.sequence = sequence
    }

    /// The partition folder, relative to the logs root.
    public var folder: String { "site=\(site.rawValue)/date=\(day)" }

    public var fileName: String { "\(node)-\(sequence).ndjson" }

    /// Relative to the logs root.
    public var description: String { folder + "/" + fileName }

    /// A node name is part of a file name: letters, digits, `.`, `_` and `-`, 1...64 of them.
    public static func isValidNode(_ node: String) -> Bool {
        (1...64).contains(node.utf8.count) && node.utf8.first != UInt8(ascii: ".")
            && node.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
    }

    /// The sequence number in `fileName` if it is a log file of `node`, else nil.
    public static func sequence(inFileName name: String, node: String) -> Int? {
        let prefix = node + "-", suffix = ".ndjson"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
