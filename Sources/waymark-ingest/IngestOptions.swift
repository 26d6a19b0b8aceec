import Foundation
import WaymarkScans

/// The command line of `waymark-ingest`.
struct IngestOptions: Sendable {
    var manifest = ""
    var logs = ""
    var host = "127.0.0.1"
    var port = 8787
    var node = "node1"
    var durability = ScanLogDurability.interval
    var saltFile: String?
    var countryHeader: String?
    var clientIPHeader: String?
    /// Requests per second per client; nil means no limit.
    var rate: Double? = 20
    var maxFileBytes = 64 << 20
    var minFreeBytes: Int64 = 256 << 20
    /// For tests only: shifts the clock, e.g. to a few seconds before UTC midnight.
    var clockOffsetMilliseconds: Int64 = 0

    static let usage = """
    usage: waymark-ingest --manifest site/_manifest.json --logs DIR --listen HOST:PORT
                          [--node NAME] [--fsync always|interval|never] [--salt-file FILE]
                          [--country-header NAME] [--client-ip-header NAME] [--rate N/s|off]
                          [--max-file-bytes N] [--min-free-bytes N]

    Serves GET /t/<TOKEN> (302 to the token's target), POST|GET /b (beacons from static redirect
    pages), GET /healthz and GET /metrics, and appends one JSON line per scan to
    DIR/site=<id>/date=YYYY-MM-DD/<node>-<seq>.ndjson.

      --manifest FILE          site/_manifest.json written by `waymark build` (reloaded on SIGHUP)
      --logs DIR               scan log root
      --listen HOST:PORT       address to listen on (port 0 picks a free one; default 127.0.0.1:8787)
      --node NAME              this server's name in log file names (default node1)
      --fsync MODE             always: acknowledge after fsync (group commit)
                               interval: fsync within 100 ms (default)
                               never: leave it to the kernel
      --salt-file FILE         secret shared by all nodes for the daily visitor hash
                               (without it a random secret is used: hashes change on restart)
      --country-header NAME    trusted edge header with the visitor's country (e.g. CF-IPCountry)
      --client-ip-header NAME  trusted proxy header with the client address (e.g. X-Real-IP)
      --rate N/s|off           requests per second per client, bursts of 2 s (default 20/s)
      --max-file-bytes N       rotate a log file before it passes N bytes (default 64 MiB)
      --min-free-bytes N       /healthz is degraded below N free bytes on the log disk (default 256 MiB)

    Signals: SIGHUP reloads the manifest; SIGTERM or SIGINT drains, fsyncs and exits 0.
    """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> IngestOptions {
        var options = IngestOptions()
        var remaining = arguments[...]
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = remaining.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            return next
        }
        while let flag = remaining.popFirst() {
            switch flag {
            case "--manifest": options.manifest = try value(flag)
            case "--logs": options.logs = try value(flag)
            case "--listen":
                let text = try value(flag)
                guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
                    throw UsageError(description: "--listen expects HOST:PORT, got '\(text)'")
                }
                options.host = String(text[..<colon]).trimmingCharacters(in: ["[", "]"])
                options.port = port
            case "--node":
                options.node = try value(flag)
                guard ScanLogPath.isValidNode(options.node) else {
                    throw UsageError(description: "--node must be 1-64 letters, digits, '.', '_' or '-'")
                }
            case "--fsync":
                let text = try value(flag)
                guard let mode = ScanLogDurability(rawValue: text) else { throw UsageError(description: "--fsync must be always, interval or never") }
                options.durability = mode
            case "--salt-file": options.saltFile = try value(flag)
            case "--country-header": options.countryHeader = try value(flag).lowercased()
            case "--client-ip-header": options.clientIPHeader = try value(flag).lowercased()
            case "--rate":
                let text = try value(flag)
                if text == "off" || text == "0" { options.rate = nil; continue }
                let number = text.hasSuffix("/s") ? String(text.dropLast(2)) : text
                guard let rate = Double(number), rate > 0, rate.isFinite else { throw UsageError(description: "--rate expects N/s or off, got '\(text)'") }
                options.rate = rate
            case "--max-file-bytes":
                guard let bytes = Int(try value(flag)), bytes >= 1024 else { throw UsageError(description: "--max-file-bytes must be at least 1024") }
                options.maxFileBytes = bytes
            case "--min-free-bytes":
                guard let bytes = Int64(try value(flag)), bytes >= 0 else { throw UsageError(description: "--min-free-bytes must be a number of bytes") }
                options.minFreeBytes = bytes
            case "--clock-offset":
                // Hidden, for tests: seconds added to the clock (to cross a faked UTC midnight).
                guard let seconds = Double(try value(flag)) else { throw UsageError(description: "--clock-offset expects seconds") }
                options.clockOffsetMilliseconds = Int64(seconds * 1000)
            case "-h", "--help": throw UsageError(description: "")
            default: throw UsageError(description: "unknown option '\(flag)'")
            }
        }
        if options.manifest.isEmpty { throw UsageError(description: "--manifest is required") }
        if options.logs.isEmpty { throw UsageError(description: "--logs is required") }
        if let offset = environment["WAYMARK_INGEST_CLOCK_OFFSET"], let seconds = Double(offset) {
            options.clockOffsetMilliseconds = Int64(seconds * 1000)
        }
        return options
    }
}
