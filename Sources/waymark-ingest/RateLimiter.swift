import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#endif

/// A token bucket per client address: `rate` requests per second, bursts of two seconds' worth.
///
/// Sharded by address so the event-loop threads rarely wait on each other; full (idle) buckets
/// are swept when a shard grows, which bounds memory under a flood of distinct addresses.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: UInt64
    }

    private let rate: Double
    private let burst: Double
    private let shards: [NIOLockedValueBox<[String: Bucket]>]
    private static let sweepThreshold = 50_000

    init(ratePerSecond: Double) {
        rate = ratePerSecond
        burst = max(1, ratePerSecond * 2)
        shards = (0..<16).map { _ in NIOLockedValueBox([:]) }
    }

    /// Takes one token for `client`; false when the client is over its rate.
    func allow(_ client: String) -> Bool {
        let now = Self.monotonicNanoseconds()
        // The shard from the address's last bytes (its most varying part): the dictionary hashes it anyway.
        let shard = shards[client.utf8.suffix(2).reduce(0) { $0 &* 31 &+ Int($1) } % shards.count]
        return shard.withLockedValue { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + Double(now &- bucket.updated) / 1e9 * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[client] = bucket
            if buckets.count > Self.sweepThreshold { sweep(&buckets, now: now) }
            return allowed
        }
    }

    private func sweep(_ buckets: inout [String: Bucket], now: UInt64) {
        buckets = buckets.filter { _, bucket in bucket.tokens + Double(now &- bucket.updated) / 1e9 * rate < burst }
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
