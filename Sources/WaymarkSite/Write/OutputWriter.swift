import Foundation

/// Writes a build's trees into the output folder so that a failed build changes nothing.
///
/// Everything is first written into a staging folder beside the output (same file system), then
/// each entry is swapped in by `rename`. Until the swap begins, the previous output is untouched;
/// a failure during the swap puts back what was already moved.
public struct OutputWriter: Sendable {
    /// The output folder, e.g. `<project>/site`.
    public let root: String

    public init(root: String) { self.root = root }

    /// Replaces each entry (a folder or file path relative to `root`) with the given tree or bytes.
    public func replace(_ entries: [String: Entry]) throws {
        let fm = FileManager.default
        let run = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = "\(root)/.staging-\(run)"
        let trash = "\(root)/.replaced-\(run)"
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: staging) }
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        for (path, entry) in entries {
            try write(entry, to: "\(staging)/\(path)")
        }

        var swapped: [String] = []
        do {
            for path in entries.keys.sorted() {
                let target = "\(root)/\(path)"
                if fm.fileExists(atPath: target) {
                    try createParent(of: "\(trash)/\(path)")
                    try fm.moveItem(atPath: target, toPath: "\(trash)/\(path)")
                }
                try createParent(of: target)
                try fm.moveItem(atPath: "\(staging)/\(path)", toPath: target)
                swapped.append(path)
            }
        } catch {
            for path in swapped.reversed() {
                try? fm.removeItem(atPath: "\(root)/\(path)")
                if fm.fileExists(atPath: "\(trash)/\(path)") { try? fm.moveItem(atPath: "\(trash)/\(path)", toPath: "\(root)/\(path)") }
            }
            throw error
        }
        try? fm.removeItem(atPath: trash)
    }

    public enum Entry: Sendable {
        case tree(OutputTree)
        case file([UInt8])
    }
}

private extension OutputWriter {
    func write(_ entry: Entry, to path: String) throws {
        switch entry {
        case let .file(bytes):
            try createParent(of: path)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case let .tree(tree):
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (relative, bytes) in tree.files {
                let file = "\(path)/\(relative)"
                try createParent(of: file)
                try Data(bytes).write(to: URL(fileURLWithPath: file))
            }
        }
    }

    func createParent(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
}
