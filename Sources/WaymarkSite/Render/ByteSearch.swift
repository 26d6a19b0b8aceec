/// Finding text in text as UTF-8 bytes: memchr for the needle's first byte, memcmp for the rest.
/// (The standard library's generic `firstRange(of:)` on a UTF-8 view cost an eighth of a full
/// build's time where autolinks are placed; Glibc does not export `memmem`.)
enum ByteSearch {
    /// Where `needle` first starts in `text`, in bytes from its start.
    static func offset(of needle: String, in text: Substring) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle -> Int? in
                guard let first = needle.first else { return 0 }
                guard let base = haystack.baseAddress else { return nil }
                var offset = 0
                while haystack.count - offset >= needle.count {
                    guard let found = memchr(base + offset, Int32(first), haystack.count - offset - needle.count + 1) else { return nil }
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return offset }
                    offset += 1
                }
                return nil
            }
        }
    }

    /// The first occurrence of `needle` in `text`.
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
        guard let offset = offset(of: needle, in: text[...]) else { return nil }
        let lower = text.utf8.index(text.startIndex, offsetBy: offset)
        return lower ..< text.utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
