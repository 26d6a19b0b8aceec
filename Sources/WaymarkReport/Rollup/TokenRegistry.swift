import Foundation

/// Numbers tokens for the compact (visitor, token) records, shared by all workers of a run.
final class TokenRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int32]
    private(set) var added: [(token: String, id: Int32)] = []

    init(_ known: [String: Int32]) { ids = known }

    func id(for token: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[token] { return id }
        let id = Int32(ids.count + 1)
        ids[token] = id
        added.append((token, id))
        return id
    }
}
