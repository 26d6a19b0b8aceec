/// A problem in a log file that was skipped, with the file (relative to the logs folder) and the
/// 1-based line, printed like a compiler diagnostic.
public struct LogWarning: Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// A complete line that is not a valid event of a known schema version.
        case malformedLine
        /// Bytes after the last newline: a write cut short, or one still in progress. Not
        /// consumed, so it is read again next run.
        case truncatedFinalLine
        /// The file is shorter than what an earlier run read: replaced, so read again from the
        /// start (event ids keep that from counting anything twice).
        case fileShrank(previousBytes: Int)
        /// The file could not be read.
        case unreadable(errno: Int32)
    }

    public var path: String
    public var line: Int
    public var reason: Reason

    public init(path: String, line: Int, reason: Reason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .malformedLine: return "\(path):\(line): warning: malformed line skipped"
        case .truncatedFinalLine: return "\(path):\(line): warning: truncated final line skipped (read again next run)"
        case let .fileShrank(previous): return "\(path): warning: file is shorter than the \(previous) bytes read before; reading it again"
        case let .unreadable(code): return "\(path): warning: cannot read (errno \(code)); skipped"
        }
    }
}
