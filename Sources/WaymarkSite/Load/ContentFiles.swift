import Foundation

/// File access for loading, as closures so tests can load from memory instead of disk.
public struct ContentFiles: Sendable {
    /// Entries of a folder (names, not paths), or nil when it does not exist.
    public var list: @Sendable (String) -> [String]?
    public var read: @Sendable (String) throws -> Data
    public var isDirectory: @Sendable (String) -> Bool

    public init(list: @escaping @Sendable (String) -> [String]?, read: @escaping @Sendable (String) throws -> Data, isDirectory: @escaping @Sendable (String) -> Bool) {
        self.list = list
        self.read = read
        self.isDirectory = isDirectory
    }

    /// The real file system.
    public static let disk = ContentFiles(
        list: { try? FileManager.default.contentsOfDirectory(atPath: $0).sorted() },
        read: { try Data(contentsOf: URL(fileURLWithPath: $0)) },
        isDirectory: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    )

    /// Files held in memory, keyed by path; folders are implied by the paths.
    public static func memory(_ files: [String: String]) -> ContentFiles {
        memory(bytes: files.mapValues { Data($0.utf8) })
    }

    /// Files held in memory as raw bytes (for content that is not valid text, as a fuzzer sends).
    public static func memory(bytes data: [String: Data]) -> ContentFiles {
        ContentFiles(
            list: { folder in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                let names = Set(data.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).split(separator: "/")[0]) })
                return names.isEmpty ? nil : names.sorted()
            },
            read: { path in
                guard let bytes = data[path] else { throw CocoaError(.fileReadNoSuchFile) }
                return bytes
            },
            isDirectory: { path in data.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") } }
        )
    }
}
