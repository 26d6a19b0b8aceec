import WaymarkCore

extension EventFields {
    /// Decodes the run `,"site":"…","token":"…","kind":"…","ua":{"device":"…","os":"…","browser":"…"},"ref":…,"cc":…`
    /// exactly as `ScanEvent.line` writes it, validating what `JSONDecoder` would (a valid site id
    /// and token, known kind and device, UTF-8). Nil for anything else, which then takes the slow path.
    init?(canonical bytes: UnsafeBufferPointer<UInt8>) {
        var reader = Reader(bytes: bytes)
        guard reader.literal(#","site":""#), let site = reader.string(),
              reader.literal(#","token":""#), let token = reader.string(),
              reader.literal(#","kind":""#), let kind = reader.string(),
              reader.literal(#","ua":{"device":""#), let device = reader.string(),
              reader.literal(#","os":""#), let os = reader.string(),
              reader.literal(#","browser":""#), let browser = reader.string(),
              reader.literal(#"},"ref":"#), let ref = reader.optionalString(),
              reader.literal(#","cc":"#), let cc = reader.optionalString(),
              reader.atEnd
        else { return nil }
        self.init(site: site, token: token, kind: kind, device: device, os: os, browser: browser, ref: ref, cc: cc)
        guard isValid else { return nil }
    }

    /// What `ScanEvent`'s decoder insists on beyond JSON syntax.
    var isValid: Bool {
        SiteID(site) != nil && Token(token) != nil
            && ["scan", "beacon"].contains(kind) && ["mobile", "tablet", "desktop", "bot"].contains(device)
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for index in 0..<count where bytes[offset + index] != text.utf8Start[index] { return false }
        offset += count
        return true
    }

    /// A string whose opening quote was already read; no escapes (they take the slow path).
    mutating func string() -> String? {
        let start = offset
        while offset < bytes.count, bytes[offset] != 0x22 {
            if bytes[offset] == 0x5C || bytes[offset] < 0x20 { return nil }
            offset += 1
        }
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// `null` or a quoted string; `.some(nil)` for null.
    mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        guard literal("\"") else { return nil }
        return string().map { .some($0) }
    }
}
