import Foundation

/// Reads scan-log files back, tolerating what a crash or a full disk can leave behind.
///
/// A complete line that does not parse is skipped and counted; bytes after the last `\n` are a
/// truncated final line (a write that never finished), also skipped and counted. Nothing throws for
/// bad content: one damaged line must never hide the thousands of good ones around it.
public enum ScanLogReader {
    public struct Contents: Sendable {
        public var events: [ScanEvent] = []
        /// Complete lines (ending in `\n`) that are not a valid event of a known version.
        public var malformedLines = 0
        /// Whether the data ended in a line without its `\n`.
        public var truncatedFinalLine = false
        /// Bytes up to and including the last `\n`: where an incremental reader resumes.
        public var completeBytes = 0
    }

    public static func read(contentsOf path: String) throws -> Contents {
        parse(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public static func parse<Bytes: Collection>(_ data: Bytes) -> Contents where Bytes.Element == UInt8 {
        var contents = Contents()
        let bytes = Array(data)
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if let event = decodeLine(bytes[start..<index]) { contents.events.append(event) } else { contents.malformedLines += 1 }
            start = index + 1
        }
        contents.completeBytes = start
        contents.truncatedFinalLine = start < bytes.count
        return contents
    }

    /// One line without its `\n`; nil unless it is a complete, valid event of the current schema.
    public static func decodeLine<Bytes: Collection>(_ line: Bytes) -> ScanEvent? where Bytes.Element == UInt8 {
        guard let event = try? decoder.decode(ScanEvent.self, from: Data(line)),
              event.v == ScanEvent.schemaVersion,
              event.ih.utf8.count == 16, event.ih.utf8.allSatisfy(isLowerHex)
        else { return nil }
        return event
    }

    private static var decoder: JSONDecoder { JSONDecoder() }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
