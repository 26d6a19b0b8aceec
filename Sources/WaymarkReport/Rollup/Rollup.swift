import Foundation
import WaymarkScans

/// Brings the rollup database up to date with a logs folder, reading only what earlier runs did
/// not (DESIGN §8): new files and the new bytes of growing ones.
///
/// Partition folders are read in parallel, each into its own site and day; everything is stored
/// in one transaction, so an interrupted run leaves the database as it was and the next run
/// reads the same bytes again.
public final class Rollup {
    let store: RollupStore
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the rollup database at `path`.
    public init(databasePath path: String) throws(SQLiteError) {
        self.path = path
        store = try RollupStore(path: path)
    }

    /// Reads what is new under `logs` (partitions dated before `since` are ignored) and adds it.
    public func update(logs root: String, since: UTCDay? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> RollupRun {
        try store.database.transaction { try updateInTransaction(root: root, since: since, workers: max(1, workers)) }
    }
}

private extension Rollup {
    func updateInTransaction(root: String, since: UTCDay?, workers: Int) throws -> RollupRun {
        let files = LogFile.list(in: root, since: since)
        let known = try store.fileProgress()
        let pending = files.filter { $0.size != known[$0.path]?.bytes ?? 0 || known[$0.path]?.truncated == true }
        let folders = Dictionary(grouping: pending, by: \.folder).sorted { $0.key < $1.key }
        let tokens = TokenRegistry(try store.tokens())
        let queue = PartitionQueue(store: store, folders: folders.map { ($0.key, $0.value) }, known: known, root: root, tokens: tokens)
        queue.run(workers: workers)
        if let failure = queue.failure { throw failure }
        var run = queue.summary
        run.warnings = queue.warnings.map(\.description)
        run.filesSeen = files.count
        run.filesRead = pending.count

        try addStrays(queue.strays, tokens: tokens, run: &run)
        for (token, id) in tokens.added { try store.addToken(token, id: id) }
        return run
    }

    /// Events filed under another site's or day's folder, added to the day they belong to.
    func addStrays(_ strays: [StrayEvent], tokens: TokenRegistry, run: inout RollupRun) throws {
        var table = FieldTable(tokenID: tokens.id(for:))
        let byDay = Dictionary(grouping: strays) { "\($0.fields.site)\u{0}\($0.day)" }
        for key in byDay.keys.sorted() {
            let events = byDay[key]!
            var tally = try store.tally(site: events[0].fields.site, day: events[0].day)
            for event in events {
                let field = table.index(of: event.fields)
                tally.add(idHash: event.idHash, field: field, hour: event.hour, visitor: event.visitor,
                          token: table.tokenIDs[Int(field)], isBot: event.fields.isBot)
            }
            try store.save(tally, fields: table.fields)
            run.absorb(tally, fields: table.fields)
        }
    }
}
