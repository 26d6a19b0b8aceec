/// The distinct field combinations one reader has met, numbered from 0.
///
/// Lines in the canonical shape find their number by the hash of their raw field bytes (checked
/// byte for byte, so a hash collision only costs a slow-path decode); decoded events by value.
struct FieldTable {
    private(set) var fields: [EventFields] = []
    /// The token id of each entry, from the rollup database's token list.
    private(set) var tokenIDs: [Int32] = []
    private var byValue: [EventFields: Int32] = [:]
    private var byBytes: [UInt64: (index: Int32, bytes: [UInt8])] = [:]
    private let tokenID: (String) -> Int32

    init(tokenID: @escaping (String) -> Int32) { self.tokenID = tokenID }

    /// The entry for a raw canonical run, adding it on first sight; nil if the run is not canonical.
    @inline(__always)
    mutating func index(ofCanonical run: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteHash.hash(run.baseAddress!, count: run.count)
        if let known = byBytes[hash] {
            return known.bytes.elementsEqual(run) ? known.index : nil
        }
        guard let decoded = EventFields(canonical: run) else { return nil }
        let index = index(of: decoded)
        byBytes[hash] = (index, Array(run))
        return index
    }

    mutating func index(of value: EventFields) -> Int32 {
        if let known = byValue[value] { return known }
        let index = Int32(fields.count)
        fields.append(value)
        tokenIDs.append(tokenID(value.token))
        byValue[value] = index
        return index
    }
}
