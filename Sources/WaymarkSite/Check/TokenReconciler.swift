import WaymarkCore

/// Checks every site's tokens against each other and against the ledgers, and works out the
/// ledgers as they should be after this build.
///
/// The rules keep printed codes working: a token is unique across all sites; it is never given to
/// another item while its first item exists; an item never silently changes its token; a token whose
/// item is gone is retired rather than freed; and a retired token is never handed out again.
public enum TokenReconciler {
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// The ledgers to write after a successful build, by site.
        public var ledgers: [SiteID: TokenLedger] = [:]
    }

    public static func reconcile(_ sites: [Site]) -> Outcome {
        reconcile(sites, issued: sites.map(\.issuedTokens))
    }

    /// `reconcile(_:)` with each site's `issuedTokens`, already made (in the order of `sites`).
    static func reconcile(_ sites: [Site], issued itemsBySite: [[IssuedToken]]) -> Outcome {
        var outcome = Outcome()
        var firstUse: [Token: IssuedToken] = [:]
        firstUse.reserveCapacity(itemsBySite.reduce(0) { $0 + $1.count })
        // Which site's ledger issued each token: with a single site, always that one.
        var issuedBy: [Token: (site: SiteID, ledger: String)] = [:]
        for site in sites where sites.count > 1 {
            let ledger = ledgerPath(site)
            for token in site.ledger.records.keys where issuedBy[token] == nil { issuedBy[token] = (site.id, ledger) }
        }
        for (site, items) in zip(sites, itemsBySite) {
            var ledger = site.ledger
            let itemSources = items.map { relativeSource($0.source, in: site) }
            let sources = site.itemFiles.union(itemSources)
            let usedTokens = Set(items.map(\.token))
            // Active tokens no item uses any more (normally none; a site can have tens of thousands
            // of tokens): an item that holds one changed its token, and one whose item is gone is
            // retired below. The items loop writes only used tokens' records, so this stays true.
            let unusedActive = ledger.records.filter { $0.value.status == .active && !usedTokens.contains($0.key) }
            var unusedActiveBySource: [String: Token] = [:]
            for (token, record) in unusedActive {
                unusedActiveBySource[record.source] = min(token, unusedActiveBySource[record.source] ?? token)
            }
            for (item, source) in zip(items, itemSources) {
                if let first = firstUse[item.token] {
                    outcome.diagnostics.append(.error("token \(item.token) is already used by \(first.source)", at: item.location))
                    continue
                }
                firstUse[item.token] = item
                if let issued = issuedBy[item.token], issued.site != site.id {
                    outcome.diagnostics.append(.error("token \(item.token) was issued by site '\(issued.site)' (\(issued.ledger)); a token never moves to another site", at: item.location))
                    continue
                }
                if let previous = unusedActiveBySource[source] {
                    outcome.diagnostics.append(.error("'\(item.title)' was issued token \(previous), which may be printed; restore it, or mark \(previous) 'status: retired' in \(ledgerPath(site)) to issue a new one", at: item.location))
                    continue
                }
                let current = TokenLedger.Record(kind: item.kind, status: .active, source: source, title: item.title)
                guard let record = ledger.records[item.token] else {
                    ledger.records[item.token] = current
                    continue
                }
                if record.status == .retired {
                    outcome.diagnostics.append(.error("token \(item.token) was retired (it belonged to \(record.source)); a retired token is never reused: choose a new one", at: item.location))
                } else if record.source != source, sources.contains(record.source) {
                    outcome.diagnostics.append(.error("token \(item.token) was issued to \(record.source) ('\(record.title)'), which still exists; a token is never reused for another item", at: item.location))
                } else if record.kind != item.kind {
                    outcome.diagnostics.append(.error("token \(item.token) was issued for a \(record.kind.rawValue), not a \(item.kind.rawValue)", at: item.location))
                } else if record != current {
                    // Same item, moved or retitled: the token follows it. (An unchanged record is
                    // not written: the ledger then keeps sharing the loaded one's storage.)
                    ledger.records[item.token] = current
                }
            }
            for (token, record) in unusedActive where !sources.contains(record.source) {
                ledger.records[token]?.status = .retired
                outcome.diagnostics.append(.warning("token \(token) ('\(record.title)') no longer points at any content; it is retired and its page now says so", at: record.location ?? SourceLocation(path: ledgerPath(site))))
            }
            outcome.ledgers[site.id] = ledger
        }
        return outcome
    }

    static func ledgerPath(_ site: Site) -> String { "\(site.folder)/\(TokenLedger.fileName)" }

    static func relativeSource(_ path: String, in site: Site) -> String {
        // Bytes, not characters: twenty thousand paths a build.
        let prefix = site.folder.utf8.count + 1
        return path.hasPrefix(site.folder + "/") ? String(decoding: path.utf8.dropFirst(prefix), as: UTF8.self) : path
    }
}
