import Foundation

/// Hands partition folders to worker threads and stores each one's result as it finishes.
///
/// The database connection is not thread-safe, so every use of `store` happens under `lock`;
/// reading and counting, the expensive part, happens outside it.
final class PartitionQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let store: RollupStore
    private let folders: [(folder: String, files: [LogFile])]
    private let known: [String: FileProgress]
    private let root: String
    private let tokens: TokenRegistry
    private var next = 0
    private(set) var failure: Error?
    /// What the finished folders added up to.
    private(set) var summary = RollupRun()
    private(set) var warnings: [LogWarning] = []
    private(set) var strays: [StrayEvent] = []

    init(store: RollupStore, folders: [(folder: String, files: [LogFile])], known: [String: FileProgress], root: String, tokens: TokenRegistry) {
        self.store = store
        self.folders = folders
        self.known = known
        self.root = root
        self.tokens = tokens
    }

    /// Runs `workers` threads until every folder is read or one storing step failed.
    func run(workers: Int) {
        DispatchQueue.concurrentPerform(iterations: min(workers, max(folders.count, 1))) { _ in
            var reader = PartitionReader(tokenID: tokens.id(for:))
            while let (files, tally) = take() {
                reader.start(tally)
                for file in files { reader.read(file, root: root, previous: known[file.path]) }
                finish(reader)
            }
        }
        // Workers finish in any order; the summary lists warnings by file and line.
        warnings.sort { ($0.path, $0.line) < ($1.path, $1.line) }
        strays.sort { ($0.fields.site, $0.day, $0.idHash) < ($1.fields.site, $1.day, $1.idHash) }
    }
}

private extension PartitionQueue {
    /// The next folder and the stored state of its site and day, or nil when done.
    func take() -> ([LogFile], DayTally?)? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, next < folders.count else { return nil }
        let files = folders[next].files
        next += 1
        guard let day = files[0].day else { return (files, nil) }
        do {
            return (files, try store.tally(site: files[0].site, day: day.daysSinceEpoch))
        } catch {
            failure = error
            return nil
        }
    }

    func finish(_ reader: PartitionReader) {
        lock.lock()
        defer { lock.unlock() }
        do {
            if let tally = reader.tally { try store.save(tally, fields: reader.table.fields) }
            for file in reader.progress { try store.save(file) }
            summary.absorb(reader)
            warnings += reader.warnings
            strays += reader.strays
        } catch {
            failure = error
        }
    }
}
