import WaymarkCore

/// A 128-bit digest of values in a canonical form: dictionaries by sorted key, every value tagged with
/// its type and length, so two different render contexts never feed the hasher the same bytes.
struct Fingerprint {
    /// The canonical form, hashed once at the end: a page's context is dozens of small values,
    /// and feeding the hasher each of them on its own cost more than the hashing.
    private var input: [UInt8] = []

    init() { input.reserveCapacity(1024) }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            tag("s", bytes.count)
            input.append(contentsOf: bytes)
        }
    }

    mutating func add(bytes: [UInt8]) {
        tag("b", bytes.count)
        input.append(contentsOf: bytes)
    }

    /// Anything a template context holds: strings, numbers, booleans, arrays, dictionaries, optionals.
    mutating func add(any value: Any) {
        switch value {
        case let text as String: add(text)
        case let number as Int: tag("i", number)
        case let flag as Bool: tag(flag ? "T" : "F", 0)
        case let number as Double: tag("d", 0); add(String(number))
        case let map as [String: Any]:
            tag("m", map.count)
            for key in map.keys.sorted() {
                add(key)
                add(any: map[key]!)
            }
        case let list as [Any]:
            tag("a", list.count)
            for item in list { add(any: item) }
        case let optional as AnyOptional:
            if let wrapped = optional.wrapped { add(any: wrapped) } else { tag("n", 0) }
        default:
            // Not expected in a context; its debug form still changes when the value does.
            tag("?", 0)
            add(String(reflecting: value))
        }
    }

    /// 128 bits (`FingerprintHash`) as lower-case hex: the cache records eighty thousand of them.
    func hex() -> String { FingerprintHash.hex(input) }

    /// A type letter and a length (or small value), as 9 bytes: no string built per value.
    private mutating func tag(_ kind: Character, _ value: Int) {
        input.append(kind.asciiValue ?? 0)
        withUnsafeBytes(of: Int64(value).littleEndian) { input.append(contentsOf: $0) }
    }
}

/// Lets `Fingerprint` see through an `Optional` hidden in an `Any`.
private protocol AnyOptional {
    var wrapped: Any? { get }
}

extension Optional: AnyOptional {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
