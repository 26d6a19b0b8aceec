import Synchronization

/// Mints ULIDs without a random-number syscall per event: the 80 "random" bits are a 40-bit
/// prefix drawn once per process and a 40-bit counter. Ids stay unique within the process (the
/// counter) and across processes and nodes (the prefix: a collision needs the same 40 random bits
/// and the same millisecond), and they still parse as ordinary ULIDs.
public final class EventIDGenerator: Sendable {
    private let prefix: UInt64
    private let counter: Atomic<UInt64>

    public init() {
        var generator = SystemRandomNumberGenerator()
        prefix = generator.next() & 0xFF_FFFF_FFFF
        counter = Atomic(generator.next() & 0xFF_FFFF_FFFF)
    }

    public func make(at timestamp: UTCTimestamp) -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue & 0xFF_FFFF_FFFF
        return EventID.encode(at: timestamp, high: prefix >> 24, low: (prefix & 0xFF_FFFF) << 40 | count)
    }
}
