import Foundation

/// The Markdown files of each folder one load has listed. Loading lists every trail folder for
/// its stops, and the token check needs every item file of the site, loaded or not
/// (`Site.itemFiles`): with this, each folder is listed once, not twice. Safe from any thread.
final class MarkdownListings: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [String: [String]?] = [:]

    /// The files of `folder`, listed by `list` the first time only.
    func files(in folder: String, list: () -> [String]?) -> [String]? {
        if let known = lock.withLock({ lists[folder] }) { return known }
        let listed = list()
        lock.withLock { lists[folder] = .some(listed) }
        return listed
    }
}
