import Foundation

extension Manifest {
    /// Stable bytes: sorted keys and a trailing newline, so two builds of the same content match.
    ///
    /// Exactly what `JSONEncoder` writes with `.prettyPrinted`, `.sortedKeys` and
    /// `.withoutEscapingSlashes` (a test holds the two to the same bytes), written directly: the
    /// encoder took 0.2 s of CPU for the twenty thousand tokens of a large site, on every build
    /// that changed one.
    public func encoded() -> Data {
        var json = PrettyJSON()
        json.open()
        json.key("sites", indent: 1, first: true)
        json.object(sites, indent: 1) { site, json in site.write(to: &json, indent: 2) }
        json.key("tokens", indent: 1, first: false)
        json.object(tokens, indent: 1) { entry, json in entry.write(to: &json, indent: 2) }
        json.key("version", indent: 1, first: false)
        json.number(version)
        json.close(indent: 0, empty: false)
        json.bytes.append(0x0A)
        return Data(json.bytes)
    }
}

// Members in the order of their keys' bytes, as `.sortedKeys` writes them.
private extension Manifest.Site {
    func write(to json: inout PrettyJSON, indent: Int) {
        json.open()
        json.key("base_url", indent: indent + 1, first: true)
        json.string(baseURL)
        // Absent, not null: what the synthesized encoder does with a nil optional.
        if let beaconURL {
            json.key("beacon_url", indent: indent + 1, first: false)
            json.string(beaconURL)
        }
        if let shortURL {
            json.key("short_url", indent: indent + 1, first: false)
            json.string(shortURL)
        }
        json.key("title", indent: indent + 1, first: false)
        json.string(title)
        json.close(indent: indent, empty: false)
    }
}

private extension Manifest.Entry {
    func write(to json: inout PrettyJSON, indent: Int) {
        json.open()
        for (index, (key, value)) in [
            ("kind", kind.rawValue), ("payload", payload), ("site", site.rawValue), ("source", source),
            ("status", status.rawValue), ("target", target), ("title", title),
        ].enumerated() {
            json.key(key, indent: indent + 1, first: index == 0)
            json.string(value)
        }
        json.close(indent: indent, empty: false)
    }
}

/// JSON text in `JSONEncoder`'s pretty-printed layout: two spaces an indent level, one member a
/// line as `"key" : value`, an empty object as `{`, a blank line and `}`.
private struct PrettyJSON {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func open() { bytes.append(UInt8(ascii: "{")) }

    /// A table as an object, `indent` levels in, each value written by `write`; keys in the order
    /// `.sortedKeys` gives them: by their UTF-8 bytes.
    mutating func object<Value>(_ table: [String: Value], indent: Int, _ write: (Value, inout PrettyJSON) -> Void) {
        open()
        for (index, key) in table.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            self.key(key, indent: indent + 1, first: index == 0)
            write(table[key]!, &self)
        }
        close(indent: indent, empty: table.isEmpty)
    }

    /// Ends the member before (if any) and starts one: its line, indent and key.
    mutating func key(_ key: String, indent: Int, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        pad(indent)
        string(key)
        bytes.append(contentsOf: " : ".utf8)
    }

    mutating func close(indent: Int, empty: Bool) {
        bytes.append(0x0A)
        if empty { bytes.append(0x0A) }
        pad(indent)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// Quoted, escaping what JSON requires and nothing else (not `/`, not non-ASCII text).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x00 ..< 0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func pad(_ indent: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}
