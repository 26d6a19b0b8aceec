/// Files a build produces, by path relative to the tree's root, held in memory until written.
///
/// Rendering only ever adds to a tree; writing is one step at the end, which is what lets a build
/// fail without touching the previous output.
public struct OutputTree: Sendable, Equatable {
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }
    public mutating func add(_ path: String, bytes: [UInt8]) { files[path] = bytes }

    public subscript(path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    public var paths: [String] { files.keys.sorted() }
}
