#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an event could not be stored, with the file it concerns.
public struct ScanLogError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The partition folder could not be created.
        case cannotCreateFolder(errno: Int32)
        /// The log file could not be created.
        case cannotOpen(errno: Int32)
        /// `write(2)` failed or wrote only part of the line (which was then cut off again).
        case cannotWrite(errno: Int32)
        /// `fsync(2)` failed: the line may be lost on power failure, so it is not acknowledged.
        case cannotSync(errno: Int32)
        /// The writer was closed (shutdown).
        case closed
    }

    /// Relative to the logs root.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case let .cannotCreateFolder(code): return "\(path): cannot create folder: \(Self.message(code))"
        case let .cannotOpen(code): return "\(path): cannot open: \(Self.message(code))"
        case let .cannotWrite(code): return "\(path): cannot write: \(Self.message(code))"
        case let .cannotSync(code): return "\(path): cannot fsync: \(Self.message(code))"
        case .closed: return "\(path): the log writer is closed"
        }
    }

    /// A short metric-friendly name for the reason.
    public var code: String {
        switch reason {
        case .cannotCreateFolder: return "create_folder"
        case .cannotOpen: return "open"
        case .cannotWrite: return "write"
        case .cannotSync: return "fsync"
        case .closed: return "closed"
        }
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}
