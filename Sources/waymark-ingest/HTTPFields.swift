#if canImport(Glibc)
import Glibc
#endif

/// The selected header fields of the current request, in arrival order, names lower-cased.
///
/// One per connection, refilled by each request: a field whose bytes are the same as the previous
/// request's keeps its `String`. A keep-alive client repeats its `User-Agent`, `Origin` and `Host`
/// on every request, so they are decoded once per connection rather than once per request, and
/// the memos that compare them (`ConnectionMemo`) find the same string again at once.
struct HTTPFields {
    private var entries: [(name: String, value: String)] = []
    /// How many of `entries` the current request has set so far.
    private var filled = 0

    /// Starts a new request's fields; the previous ones stay until overwritten, for comparison.
    mutating func begin() { filled = 0 }

    /// Sets the next field; `name` is one of `HTTPFieldSelection`'s strings.
    mutating func append(name: String, value: UnsafeRawBufferPointer) {
        defer { filled += 1 }
        if filled < entries.count {
            if entries[filled].name == name, Self.equal(entries[filled].value, value) { return }
            entries[filled] = (name, String(decoding: value, as: UTF8.self))
        } else {
            entries.append((name, String(decoding: value, as: UTF8.self)))
        }
    }

    /// Ends the request's fields: what the previous request had beyond them is dropped.
    mutating func end() {
        if entries.count > filled { entries.removeLast(entries.count - filled) }
    }

    /// The current request's fields.
    var current: ArraySlice<(name: String, value: String)> { entries[..<filled] }

    /// Every value of `name` (lower case), in order.
    func values(_ name: String) -> [String] { current.filter { $0.name == name }.map(\.value) }

    /// The one value of `name` (lower case); nil when absent or repeated.
    func single(_ name: String) -> String? {
        var found: String?
        for entry in current where entry.name == name {
            guard found == nil else { return nil }
            found = entry.value
        }
        return found
    }

    /// Whether `text` holds exactly `bytes` (a string decoded from invalid UTF-8 never does, and is decoded again).
    private static func equal(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        } ?? false
    }
}
