import Foundation

/// The example project that `waymark init` writes: the repository's content/ and templates/,
/// packed into one resource (`make scaffold`) and compiled into the binary.
///
/// Packed form, repeated per file: `@@waymark-file <path> <byte count>\n<bytes>\n`.
public enum ProjectScaffold {
    public static let marker = "@@waymark-file "

    /// Every file of the example project, by path relative to the project root.
    public static var files: [String: [UInt8]] { unpack(PackageResources.example_project_txt) }

    public static func unpack(_ packed: [UInt8]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var index = 0
        let marker = Array(self.marker.utf8)
        while index < packed.count, packed[index...].starts(with: marker) {
            guard let newline = packed[index...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: packed[(index + marker.count)..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 2, let count = Int(header[1]), newline + 1 + count <= packed.count else { break }
            files[String(header[0])] = Array(packed[(newline + 1)..<(newline + 1 + count)])
            index = newline + 1 + count + 1
        }
        return files
    }

    /// Writes the example project into `folder`, refusing to overwrite any existing file.
    public static func write(to folder: String) throws -> [String] {
        let fm = FileManager.default
        let files = self.files
        let clashes = files.keys.filter { fm.fileExists(atPath: "\(folder)/\($0)") }.sorted()
        guard clashes.isEmpty else { throw ScaffoldError.wouldOverwrite(clashes) }
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let url = URL(fileURLWithPath: "\(folder)/\(path)")
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return files.keys.sorted()
    }

    public enum ScaffoldError: Error, CustomStringConvertible {
        case wouldOverwrite([String])

        public var description: String {
            switch self {
            case let .wouldOverwrite(paths):
                return "refusing to overwrite existing files: \(paths.prefix(5).joined(separator: ", "))\(paths.count > 5 ? ", …" : "")"
            }
        }
    }
}
