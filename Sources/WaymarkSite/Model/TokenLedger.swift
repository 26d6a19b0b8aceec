import WaymarkCore

/// Every token a site ever issued and what it was issued for: `content/<site>/tokens.yml`.
///
/// Committed with the content, it is what keeps printed codes permanent: a token is never given to
/// another item, a moved item keeps its token, and a token whose item is gone is retired, not freed.
public struct TokenLedger: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        public var kind: TokenKind
        public var status: Manifest.Status
        /// The item's content file, relative to the site folder.
        public var source: String
        public var title: String
        /// Where the record is written in tokens.yml (for diagnostics; not part of equality).
        public var location: SourceLocation?

        public init(kind: TokenKind, status: Manifest.Status, source: String, title: String, location: SourceLocation? = nil) {
            self.kind = kind
            self.status = status
            self.source = source
            self.title = title
            self.location = location
        }

        public static func == (lhs: Record, rhs: Record) -> Bool {
            (lhs.kind, lhs.status, lhs.source, lhs.title) == (rhs.kind, rhs.status, rhs.source, rhs.title)
        }
    }

    public static let fileName = "tokens.yml"

    public var records: [Token: Record]

    public init(records: [Token: Record] = [:]) { self.records = records }

    public var retired: [(token: Token, record: Record)] {
        records.filter { $0.value.status == .retired }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
