/// Files a build produces, by path relative to the tree's root, held in memory until written.
///
/// Rendering only ever adds to a tree; writing is one step at the end, which is what lets a build
/// fail without touching the previous output.
public struct OutputTree: Sendable, Equatable {
    public private(set) var files: [String: [UInt8]] = [:]
    /// Files the build produces but did not render again: the output folder already holds them,
    /// as the build cache recorded and verified. The writer leaves them alone.
    public private(set) var kept: Set<String> = []

    public init() {}

    public mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }
    public mutating func add(_ path: String, bytes: [UInt8]) { files[path] = bytes }
    /// Marks a file as already in place and unchanged: found, with its recorded stamp, in the
    /// inventory the writer is then given (which counts on it to find stale files).
    mutating func keep(_ path: String) { kept.insert(path) }

    /// Room for this many more rendered and kept files.
    mutating func reserveCapacity(files: Int, kept: Int) {
        self.files.reserveCapacity(self.files.count + files)
        self.kept.reserveCapacity(self.kept.count + kept)
    }

    /// Room for merging all of `others`, so each table grows once.
    mutating func reserveCapacity(merging others: [OutputTree]) {
        reserveCapacity(files: others.reduce(0) { $0 + $1.files.count }, kept: others.reduce(0) { $0 + $1.kept.count })
    }

    /// Adds `other`'s rendered and kept files (its paths are relative to the same root).
    mutating func merge(_ other: OutputTree) {
        for (path, bytes) in other.files { files[path] = bytes }
        kept.formUnion(other.kept)
    }

    public subscript(path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Rendered files, sorted (kept files are not included: their bytes are not in memory).
    public var paths: [String] { files.keys.sorted() }

    /// Whether the tree produces `path`, rendered or kept.
    func contains(_ path: String) -> Bool { files[path] != nil || kept.contains(path) }

    /// How many files the tree produces, rendered or kept.
    public var count: Int { files.count + keptOnly }

    /// How many kept files were not rendered again as well (counted over the rendered ones,
    /// which after a small edit are few, rather than over every kept one).
    var keptOnly: Int { kept.count - files.keys.count(where: kept.contains) }
}
