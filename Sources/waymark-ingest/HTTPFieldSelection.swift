/// The header fields worth keeping: what routing, logging and framing read. Matching raw name
/// bytes against this short list saves making strings of every `Accept-*` and `Cookie` a browser sends.
struct HTTPFieldSelection: Sendable {
    /// Lower-case names, as bytes to match and as the strings `HTTPFields` keys by (made once here).
    private let names: [(bytes: [UInt8], name: String)]

    /// The framing and routing fields, plus any named by options (lower case).
    init(adding extra: [String] = []) {
        let standard = ["host", "origin", "referer", "user-agent", "content-length", "transfer-encoding", "connection", "expect"]
        names = (standard + extra.map { $0.lowercased() }).map { (Array($0.utf8), $0) }
    }

    /// The lower-case name `raw` stands for, when it is one of the selected names (ASCII case ignored).
    func match(_ raw: UnsafeRawBufferPointer) -> String? {
        for candidate in names where candidate.bytes.count == raw.count {
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                guard candidate.bytes[index] == ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) else { break }
                index += 1
            }
            if index == raw.count { return candidate.name }
        }
        return nil
    }
}
