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

    /// Writes `line` at the end of `out` (a batch of lines being built: no array per line). The
    /// line is composed in stack memory sized by an upper bound and appended to `out` at once.
    public func appendLine(to out: inout [UInt8]) {
        // Summed field by field: an array of the strings would be an allocation per line.
        let strings = JSONText.bound(utf8Count: id.utf8.count) + JSONText.bound(utf8Count: site.rawValue.utf8.count)
            + JSONText.bound(utf8Count: token.rawValue.utf8.count) + JSONText.bound(utf8Count: kind.rawValue.utf8.count)
            + JSONText.bound(utf8Count: ua.device.rawValue.utf8.count) + JSONText.bound(utf8Count: ua.os.utf8.count)
            + JSONText.bound(utf8Count: ua.browser.utf8.count) + JSONText.bound(utf8Count: ref?.utf8.count ?? 0)
            + JSONText.bound(utf8Count: cc?.utf8.count ?? 0) + JSONText.bound(utf8Count: ih.utf8.count)
        // Keys, punctuation, `null`s, the 24-byte timestamp and up to 20 digits of `v` take under 200.
        withUnsafeTemporaryAllocation(byteCount: strings + 256, alignment: 1) { storage in
            var line = LineBuffer(storage)
            write(to: &line)
            out.append(contentsOf: line.written)
        }
    }

    private func write(to out: inout LineBuffer) {
        out.raw("{\"v\":")
        JSONText.appendInteger(v, to: &out)
        out.raw(",\"id\":")
        JSONText.appendString(id, to: &out)
        out.raw(",\"ts\":\"")
        ts.appendISO8601(to: &out)  // digits and punctuation only: nothing to escape
        out.byte(UInt8(ascii: "\""))
        out.raw(",\"site\":")
        JSONText.appendString(site.rawValue, to: &out)
        out.raw(",\"token\":")
        JSONText.appendString(token.rawValue, to: &out)
        out.raw(",\"kind\":")
        JSONText.appendString(kind.rawValue, to: &out)
        out.raw(",\"ua\":{\"device\":")
        JSONText.appendString(ua.device.rawValue, to: &out)
        out.raw(",\"os\":")
        JSONText.appendString(ua.os, to: &out)
        out.raw(",\"browser\":")
        JSONText.appendString(ua.browser, to: &out)
        out.raw("},\"ref\":")
        JSONText.appendOptionalString(ref, to: &out)
        out.raw(",\"cc\":")
        JSONText.appendOptionalString(cc, to: &out)
        out.raw(",\"ih\":")
        JSONText.appendString(ih, to: &out)
        out.raw("}\n")
    }
}
