/// A log line being composed in memory reserved for it (`withUnsafeTemporaryAllocation`), for
/// `ScanEvent.appendLine`: bytes are stored through a pointer, and the line joins its batch with
/// one append instead of one per piece.
struct LineBuffer {
    private let storage: UnsafeMutableRawBufferPointer
    private(set) var count = 0

    init(_ storage: UnsafeMutableRawBufferPointer) { self.storage = storage }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[..<count]) }

    mutating func byte(_ value: UInt8) {
        // The caller's bound is computed, not trusted: past it would be a write outside the storage.
        precondition(count < storage.count, "log line longer than its bound")
        storage[count] = value
        count += 1
    }

    mutating func bytes(_ values: UnsafeRawBufferPointer) {
        precondition(count + values.count <= storage.count, "log line longer than its bound")
        guard let source = values.baseAddress, !values.isEmpty else { return }
        (storage.baseAddress! + count).copyMemory(from: source, byteCount: values.count)
        count += values.count
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes(UnsafeRawBufferPointer($0)) }
    }
}
