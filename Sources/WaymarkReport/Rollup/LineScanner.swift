import Foundation
import WaymarkScans

/// Reads one log line without building strings, for the exact form `ScanEvent.line` writes.
///
/// `{"v":1,"id":"…","ts":"<24 bytes>",<site … cc>,"ih":"<16 hex>"}`: after the id everything but
/// the middle run sits at a fixed offset, and that middle run (site, token, kind, ua, ref, cc)
/// repeats across thousands of events, so it is hashed and decoded once per distinct run. Any line
/// in another shape (escapes, other key order, spaces, extra keys) goes to `JSONDecoder` instead,
/// so the fast path changes speed, never results.
struct LineScanner {
    /// What the fast path saw in one line.
    enum Outcome {
        case event(ScannedLine)
        /// Not the canonical shape: decode with `JSONDecoder`.
        case slowPath
        /// Canonical shape, invalid content (an impossible timestamp, a bad hash).
        case malformed
    }

    struct ScannedLine {
        var idHash: UInt64
        var day: Int
        var hour: Int
        var ih: UInt64
        /// Offsets, within the line, of the run from `,"site":` to the end of the `cc` value.
        var fieldsStart: Int
        var fieldsEnd: Int
    }

    private static let head = Array(#"{"v":1,"id":""#.utf8)
    private static let afterID = Array(#"","ts":""#.utf8)
    private static let beforeIH = Array(#","ih":""#.utf8)

    private var cachedDate: (UInt64, UInt16) = (0, 0)
    private var cachedDay = Int.min

    @inline(__always)
    mutating func scan(_ line: UnsafePointer<UInt8>, count: Int) -> Outcome {
        // 13 (head) + 1 (id) + 8 + 24 + 1 + 9 (",\"site\":\"") + 25 (ih and the closing brace)
        guard count >= 81, Self.matches(line, Self.head) else { return .slowPath }
        var quote = 13
        while quote < count {
            let byte = line[quote]
            if byte == 0x22 { break }
            if byte == 0x5C || byte < 0x20 || byte >= 0x80 { return .slowPath }
            quote += 1
        }
        guard quote + 33 + 25 < count, Self.matches(line + quote, Self.afterID), line[quote + 32] == 0x22,
              Self.matches(line + count - 25, Self.beforeIH), line[count - 2] == 0x22, line[count - 1] == 0x7D
        else { return .slowPath }
        guard let (day, hour) = timestamp(line + quote + 8), let ih = Self.hex16(line + count - 18) else { return .malformed }
        return .event(ScannedLine(idHash: ByteHash.hash(line + 13, count: quote - 13), day: day, hour: hour, ih: ih,
                                  fieldsStart: quote + 33, fieldsEnd: count - 25))
    }

    /// Day number and hour of `YYYY-MM-DDTHH:MM:SS.mmmZ`, or nil if it is not exactly that.
    @inline(__always)
    private mutating func timestamp(_ text: UnsafePointer<UInt8>) -> (Int, Int)? {
        let raw = UnsafeRawPointer(text)
        let date = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        if date != cachedDate || cachedDay == Int.min {
            guard let parsed = UTCDay(String(decoding: UnsafeBufferPointer(start: text, count: 10), as: UTF8.self)) else { return nil }
            cachedDate = date
            cachedDay = parsed.daysSinceEpoch
        }
        guard text[10] == 0x54, text[13] == 0x3A, text[16] == 0x3A, text[19] == 0x2E, text[23] == 0x5A,
              let hour = Self.digits(text + 11, 2), hour < 24, let minute = Self.digits(text + 14, 2), minute < 60,
              let second = Self.digits(text + 17, 2), second < 60, Self.digits(text + 20, 3) != nil
        else { return nil }
        return (cachedDay, hour)
    }

    @inline(__always)
    private static func digits(_ text: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        var value = 0
        for index in 0..<count {
            let digit = Int(text[index]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// 16 lower-case hex digits as a number (what `ScanLogReader` accepts for `ih`).
    @inline(__always)
    static func hex16(_ text: UnsafePointer<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for index in 0..<16 {
            let byte = text[index]
            let nibble: UInt8
            if byte >= 0x30, byte <= 0x39 { nibble = byte - 0x30 } else if byte >= 0x61, byte <= 0x66 { nibble = byte - 0x57 } else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    @inline(__always)
    private static func matches(_ text: UnsafePointer<UInt8>, _ expected: [UInt8]) -> Bool {
        expected.withUnsafeBufferPointer { memcmp(text, $0.baseAddress!, $0.count) == 0 }
    }
}
