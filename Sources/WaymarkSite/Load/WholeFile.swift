import Foundation

/// A regular file read whole with one `open`, `fstat` and `read` loop: Foundation's readers first
/// build a URL and stat the path, which showed when a build reads twenty thousand content files.
enum WholeFile {
    /// The file's bytes as `Data`; nil when it is not a regular file, cannot be read, or shrank
    /// while it was read.
    static func data(at path: String) -> Data? {
        opened(path) { descriptor, size in
            var data = Data(count: size)
            return data.withUnsafeMutableBytes { fill($0, from: descriptor) } ? data : nil
        }
    }

    /// The same, as an array (what the build cache is decoded from in place).
    static func bytes(at path: String) -> [UInt8]? {
        opened(path) { descriptor, size in
            var complete = false
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                complete = fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor)
                count = complete ? size : 0
            }
            return complete ? bytes : nil
        }
    }

    private static func opened<T>(_ path: String, _ read: (Int32, Int) -> T?) -> T? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return read(descriptor, Int(info.st_size))
    }

    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}
