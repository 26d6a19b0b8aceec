extension ScanEvent {
    /// The event as one log line: compact JSON in the fixed key order of DESIGN §7, ending in `\n`.
    ///
    /// Written by hand rather than with `JSONEncoder` for a stable key order and speed; every string
    /// goes through `JSONText`, so no field value can break the line or the JSON.
    public var line: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        appendLine(to: &out)
        return out
    }

    /// Writes `line` at the end of `out` (a batch of lines being built: no array per line).
    public func appendLine(to out: inout [UInt8]) {
        JSONText.appendRaw("{\"v\":", to: &out)
        JSONText.appendInteger(v, to: &out)
        JSONText.appendRaw(",\"id\":", to: &out)
        JSONText.appendString(id, to: &out)
        JSONText.appendRaw(",\"ts\":\"", to: &out)
        ts.appendISO8601(to: &out)  // digits and punctuation only: nothing to escape
        out.append(UInt8(ascii: "\""))
        JSONText.appendRaw(",\"site\":", to: &out)
        JSONText.appendString(site.rawValue, to: &out)
        JSONText.appendRaw(",\"token\":", to: &out)
        JSONText.appendString(token.rawValue, to: &out)
        JSONText.appendRaw(",\"kind\":", to: &out)
        JSONText.appendString(kind.rawValue, to: &out)
        JSONText.appendRaw(",\"ua\":{\"device\":", to: &out)
        JSONText.appendString(ua.device.rawValue, to: &out)
        JSONText.appendRaw(",\"os\":", to: &out)
        JSONText.appendString(ua.os, to: &out)
        JSONText.appendRaw(",\"browser\":", to: &out)
        JSONText.appendString(ua.browser, to: &out)
        JSONText.appendRaw("},\"ref\":", to: &out)
        JSONText.appendOptionalString(ref, to: &out)
        JSONText.appendRaw(",\"cc\":", to: &out)
        JSONText.appendOptionalString(cc, to: &out)
        JSONText.appendRaw(",\"ih\":", to: &out)
        JSONText.appendString(ih, to: &out)
        JSONText.appendRaw("}\n", to: &out)
    }
}
