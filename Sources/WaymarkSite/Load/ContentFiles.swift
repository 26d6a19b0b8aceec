import Foundation
import WaymarkNative

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
        list: { path in ContentFiles.listFolder(path) },
        read: { path in try ContentFiles.readFile(path) },
        isDirectory: { path in
            // Following links, as FileManager's `fileExists(atPath:isDirectory:)` does.
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
    )

    /// A folder's entries, sorted, read with `getdents64` (see `FolderReader`) rather than
    /// through FileManager: a rebuild lists every trail folder twice.
    static func listFolder(_ path: String) -> [String]? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var reader = FolderReader(bufferSize: 8 * 1024)
        return reader.entries(of: descriptor)?.map(\.name).sorted()
    }

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

    /// A whole file (`WholeFile`); anything unusual goes to Foundation, so errors read as before.
    static func readFile(_ path: String) throws -> Data {
        try WholeFile.data(at: path) ?? Data(contentsOf: URL(fileURLWithPath: path))
    }
}
