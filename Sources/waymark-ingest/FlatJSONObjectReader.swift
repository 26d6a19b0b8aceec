/// The members of a flat JSON object, in order: a handful, so a list beats hashing every name.
struct FlatJSONObject {
    private var members: [(name: String, value: FlatJSONValue)] = []

    var count: Int { members.count }

    subscript(name: String) -> FlatJSONValue? { members.first { $0.name == name }?.value }

    mutating func append(_ name: String, _ value: FlatJSONValue) { members.append((name, value)) }
}

/// Reads one JSON object whose members are scalars (RFC 8259 grammar, no nesting).
struct FlatJSONObjectReader {
    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// More members than any beacon needs is an attack on the duplicate check.
    static let maximumMembers = 32

    mutating func read() throws(BeaconBody.Failure) -> FlatJSONObject {
        var members = FlatJSONObject()
        skipSpace()
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                let name = try readString()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                let value = try readScalar()
                guard members[name] == nil else { throw .duplicateMember(name) }
                guard members.count < Self.maximumMembers else { throw .malformedJSON }
                members.append(name, value)
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"))
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw .malformedJSON }
        return members
    }
}

private extension FlatJSONObjectReader {
    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func expect(_ byte: UInt8) throws(BeaconBody.Failure) {
        guard peek() == byte else { throw .malformedJSON }
        index += 1
    }

    mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    mutating func readScalar() throws(BeaconBody.Failure) -> FlatJSONValue {
        switch peek() {
        case UInt8(ascii: "\"")?: return .string(try readString())
        case UInt8(ascii: "n")?: try readLiteral("null"); return .null
        case UInt8(ascii: "t")?: try readLiteral("true"); return .other
        case UInt8(ascii: "f")?: try readLiteral("false"); return .other
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): try readNumber(); return .other
        default: throw .malformedJSON
        }
    }

    mutating func readLiteral(_ literal: StaticString) throws(BeaconBody.Failure) {
        // Compared on the literal's own bytes: `"ref":null` is in most beacons, so no array for it.
        let matched = literal.withUTF8Buffer { expected in
            index + expected.count <= bytes.count && bytes[index..<index + expected.count].elementsEqual(expected)
        }
        guard matched else { throw .malformedJSON }
        index += literal.utf8CodeUnitCount
    }

    mutating func readNumber() throws(BeaconBody.Failure) {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), (0x30...0x39).contains(first) else { throw .malformedJSON }
        while let byte = peek(), (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { index += 1 }
        guard index - start <= 32, Double(String(decoding: bytes[start..<index], as: UTF8.self)) != nil else { throw .malformedJSON }
    }

    /// The body is valid UTF-8 (checked first), so runs between escapes are copied as bytes.
    mutating func readString() throws(BeaconBody.Failure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var decoded: [UInt8]?  // only once an escape turns up
        var run = index  // start of the current run of bytes without escapes
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                guard var text = decoded else { return String(decoding: bytes[start..<index], as: UTF8.self) }
                text += bytes[run..<index]
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                var text = decoded ?? []
                text += bytes[run..<index]
                index += 1
                text += try readEscape().utf8
                decoded = text
                run = index
            case 0x00..<0x20:
                throw .malformedJSON
            default:
                index += 1
            }
        }
        throw .malformedJSON
    }

    mutating func readEscape() throws(BeaconBody.Failure) -> Unicode.Scalar {
        guard let byte = peek() else { throw .malformedJSON }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHex4()
            if (0xD800..<0xDC00).contains(unit) {
                guard peek() == UInt8(ascii: "\\") else { throw .malformedJSON }
                index += 1
                guard peek() == UInt8(ascii: "u") else { throw .malformedJSON }
                index += 1
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else { throw .malformedJSON }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw .malformedJSON }  // a lone low surrogate
            return scalar
        default:
            throw .malformedJSON
        }
    }

    mutating func readHex4() throws(BeaconBody.Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw .malformedJSON }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw .malformedJSON
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }
}
