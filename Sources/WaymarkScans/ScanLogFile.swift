#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open log file: created exclusively, written with `O_APPEND`, whole lines per `write(2)`.
///
/// Only this process writes to it (the name carries the node and a fresh sequence number), which
/// is what lets a failed partial write be cut off again with `ftruncate`, so no half line remains.
final class ScanLogFile {
    let path: ScanLogPath
    let descriptor: Int32
    private(set) var size: Int = 0

    /// Creates the file; nil with `errno` set if it already exists or cannot be created.
    init?(path: ScanLogPath, root: String) {
        let descriptor = open(root + "/" + path.description, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.descriptor = descriptor
    }

    /// Appends `line` (one or more whole lines) with one `write(2)`; on failure the file is left exactly as it was.
    func append(_ line: ArraySlice<UInt8>) -> Result<Void, ScanLogError> {
        while true {
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written == line.count {
                size += written
                return .success(())
            }
            let code = written < 0 ? errno : ENOSPC
            if written < 0, code == EINTR { continue }
            if written > 0 { _ = ftruncate(descriptor, off_t(size)) }
            return .failure(ScanLogError(path: path.description, reason: .cannotWrite(errno: code)))
        }
    }

    func sync() -> Int32? {
        fsync(descriptor) == 0 ? nil : errno
    }

    deinit { close(descriptor) }
}
