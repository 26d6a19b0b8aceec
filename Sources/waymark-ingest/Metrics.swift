import NIOConcurrencyHelpers
import Synchronization
import WaymarkScans

/// Counters for `/metrics`; the scan log's own counters come from `ScanLogWriter`.
final class Metrics: Sendable {
    private struct Counts {
        var rejected: [Rejection: Int] = [:]
        var reloads: (ok: Int, failed: Int) = (0, 0)
    }

    private let counts = NIOLockedValueBox(Counts())

    // Counted on every logged request by every loop: atomics, not the lock.
    private let scansWritten = Atomic<Int>(0)
    private let beaconsWritten = Atomic<Int>(0)

    func written(_ kind: ScanEvent.Kind, count: Int = 1) {
        guard count > 0 else { return }
        switch kind {
        case .scan: scansWritten.add(count, ordering: .relaxed)
        case .beacon: beaconsWritten.add(count, ordering: .relaxed)
        }
    }

    private func writtenCount(_ kind: ScanEvent.Kind) -> Int {
        switch kind {
        case .scan: scansWritten.load(ordering: .relaxed)
        case .beacon: beaconsWritten.load(ordering: .relaxed)
        }
    }

    func rejected(_ reason: Rejection) { counts.withLockedValue { $0.rejected[reason, default: 0] += 1 } }

    func reloaded(ok: Bool) {
        counts.withLockedValue { ok ? ($0.reloads.ok += 1) : ($0.reloads.failed += 1) }
    }

    /// Prometheus text exposition format 0.0.4.
    func render(log: ScanLogStatistics, tokens: Int, degraded: Bool) -> String {
        let counts = counts.withLockedValue { $0 }
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        family("waymark_ingest_events_written_total", "counter", "Events appended to the scan log and acknowledged.")
        for kind in ScanEvent.Kind.allCases {
            out += "waymark_ingest_events_written_total{kind=\"\(kind.rawValue)\"} \(writtenCount(kind))\n"
        }
        family("waymark_ingest_rejected_total", "counter", "Requests refused, by reason.")
        for reason in Rejection.allCases {
            out += "waymark_ingest_rejected_total{reason=\"\(reason.rawValue)\"} \(counts.rejected[reason, default: 0])\n"
        }
        family("waymark_ingest_log_bytes_written_total", "counter", "Bytes appended to scan log files.")
        out += "waymark_ingest_log_bytes_written_total \(log.bytesWritten)\n"
        family("waymark_ingest_log_lines_written_total", "counter", "Lines appended to scan log files.")
        out += "waymark_ingest_log_lines_written_total \(log.linesWritten)\n"
        family("waymark_ingest_log_files_opened_total", "counter", "Scan log files created (start, rotation).")
        out += "waymark_ingest_log_files_opened_total \(log.filesOpened)\n"
        family("waymark_ingest_log_write_errors_total", "counter", "Failed opens or writes of scan log files.")
        out += "waymark_ingest_log_write_errors_total \(log.writeErrors)\n"
        family("waymark_ingest_fsync_errors_total", "counter", "Failed fsync calls.")
        out += "waymark_ingest_fsync_errors_total \(log.fsyncErrors)\n"
        family("waymark_ingest_fsync_seconds", "histogram", "Latency of fsync on scan log files.")
        for (bound, count) in zip(ScanLogStatistics.fsyncBuckets, log.fsyncBucketCounts) {
            out += "waymark_ingest_fsync_seconds_bucket{le=\"\(bound)\"} \(count)\n"
        }
        out += "waymark_ingest_fsync_seconds_bucket{le=\"+Inf\"} \(log.fsyncCount)\n"
        out += "waymark_ingest_fsync_seconds_sum \(log.fsyncSeconds)\n"
        out += "waymark_ingest_fsync_seconds_count \(log.fsyncCount)\n"
        family("waymark_ingest_manifest_reloads_total", "counter", "Manifest reloads (SIGHUP), by result.")
        out += "waymark_ingest_manifest_reloads_total{result=\"ok\"} \(counts.reloads.ok)\n"
        out += "waymark_ingest_manifest_reloads_total{result=\"failed\"} \(counts.reloads.failed)\n"
        family("waymark_ingest_manifest_tokens", "gauge", "Tokens in the loaded manifest.")
        out += "waymark_ingest_manifest_tokens \(tokens)\n"
        family("waymark_ingest_degraded", "gauge", "1 when /healthz reports degraded.")
        out += "waymark_ingest_degraded \(degraded ? 1 : 0)\n"
        return out
    }
}
