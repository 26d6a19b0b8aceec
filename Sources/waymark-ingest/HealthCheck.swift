#if canImport(Glibc)
import Glibc
#endif
import WaymarkScans

/// What `/healthz` checks: the log folder takes writes, its disk has room, the manifest loads.
struct HealthCheck: Sendable {
    struct Problem: Equatable {
        /// `log_dir_not_writable`, `disk_nearly_full` or `manifest_unreadable`.
        var code: String
        var detail: String
    }

    let logs: String
    let node: String
    let minimumFreeBytes: Int64

    func problems(writer: ScanLogWriter, manifest: ManifestStore) -> [Problem] {
        var problems: [Problem] = []
        if let detail = probeLogFolder() ?? writer.currentError?.description {
            problems.append(Problem(code: "log_dir_not_writable", detail: detail))
        }
        var info = statvfs()
        if statvfs(logs, &info) == 0 {
            let free = Int64(info.f_bavail) * Int64(info.f_frsize)
            if free < minimumFreeBytes {
                problems.append(Problem(code: "disk_nearly_full", detail: "\(free) bytes free on the log disk (minimum \(minimumFreeBytes))"))
            }
        }
        if let error = manifest.lastError {
            problems.append(Problem(code: "manifest_unreadable", detail: error.description))
        } else if access(manifest.path, R_OK) != 0 {
            problems.append(Problem(code: "manifest_unreadable", detail: "\(manifest.path): \(String(cString: strerror(errno)))"))
        }
        return problems
    }

    /// Creates, writes and removes a small file: the only test that also holds for root, whom
    /// permission bits do not stop.
    private func probeLogFolder() -> String? {
        let path = logs + "/.healthz-" + node
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return "\(logs): \(String(cString: strerror(errno)))" }
        defer {
            close(descriptor)
            unlink(path)
        }
        guard write(descriptor, "ok", 2) == 2 else { return "\(logs): \(String(cString: strerror(errno)))" }
        return nil
    }
}
