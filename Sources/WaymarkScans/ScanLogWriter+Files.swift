#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WaymarkCore

extension ScanLogWriter {
    /// Appends lines `range` of `batch` (all for `site` on `day`), rotating before a write would
    /// pass the size limit. Caller holds the lock. Returns how many lines were written, and the
    /// error that stopped the rest.
    func appendLocked(_ batch: ScanLogBatch, _ range: Range<Int>, site: SiteID, day: UTCDay) -> (written: Int, error: ScanLogError?) {
        var next = range.lowerBound
        while next < range.upperBound {
            guard !closed else { return (next - range.lowerBound, ScanLogError(path: "\(site)", reason: .closed)) }
            let firstStart = batch.start(of: next)
            let firstLength = batch.lines[next].end - firstStart
            if let current = open[site], current.path.day != day || current.size + firstLength > configuration.maxFileBytes && current.size > 0 {
                retire(site)
            }
            let file: ScanLogFile
            switch open[site].map({ Result<ScanLogFile, ScanLogError>.success($0) }) ?? openFile(site: site, day: day) {
            case let .success(opened): file = opened
            case let .failure(error): return (next - range.lowerBound, fail(error))
            }
            // As many whole lines as fit; the first always goes (an empty file takes any line).
            var end = next + 1
            while end < range.upperBound, file.size + batch.lines[end].end - firstStart <= configuration.maxFileBytes { end += 1 }
            let byteCount = batch.lines[end - 1].end - firstStart
            switch file.append(batch.bytes[firstStart..<(firstStart + byteCount)]) {
            case .success:
                if configuration.durability != .never { dirty.insert(ObjectIdentifier(file)) }
                statistics.linesWritten += end - next
                statistics.bytesWritten += byteCount
                lastError = nil
                next = end
            case let .failure(error):
                // Never write to a file after a failed write: a later line must not follow a cut.
                retire(site)
                return (next - range.lowerBound, fail(error))
            }
        }
        return (range.count, nil)
    }

    func retire(_ site: SiteID) {
        guard let file = open.removeValue(forKey: site) else { return }
        dirty.remove(ObjectIdentifier(file))
        retired.append(file)
        condition.signal()
    }

    func syncFolder(_ folder: String) {
        let descriptor = Glibc.open(configuration.directory + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        Glibc.close(descriptor)
    }
}

private extension ScanLogWriter {
    func fail(_ error: ScanLogError) -> ScanLogError {
        statistics.writeErrors += 1
        lastError = error
        return error
    }

    func openFile(site: SiteID, day: UTCDay) -> Result<ScanLogFile, ScanLogError> {
        let first = ScanLogPath(site: site, day: day, node: configuration.node, sequence: 1)
        let folder = configuration.directory + "/" + first.folder
        if let code = makeFolders(first) {
            return .failure(ScanLogError(path: first.folder, reason: .cannotCreateFolder(errno: code)))
        }
        var path = first
        path.sequence = nextSequence(in: folder)
        // O_EXCL: a name taken meanwhile (another process with the same node name) moves us on.
        for _ in 0..<1000 {
            if let file = ScanLogFile(path: path, root: configuration.directory) {
                open[site] = file
                newFolders.insert(path.folder)
                statistics.filesOpened += 1
                return .success(file)
            }
            guard errno == EEXIST else { return .failure(ScanLogError(path: path.description, reason: .cannotOpen(errno: errno))) }
            path.sequence += 1
        }
        return .failure(ScanLogError(path: path.description, reason: .cannotOpen(errno: EEXIST)))
    }

    /// One more than the highest sequence this node has used in `folder`.
    func nextSequence(in folder: String) -> Int {
        guard let directory = opendir(folder) else { return 1 }
        defer { closedir(directory) }
        var highest = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if let sequence = ScanLogPath.sequence(inFileName: name, node: configuration.node) { highest = max(highest, sequence) }
        }
        return highest + 1
    }

    /// `mkdir` for the root (if it went away) and the two partition levels; returns errno on failure.
    func makeFolders(_ path: ScanLogPath) -> Int32? {
        var current = configuration.directory
        for component in [""] + path.folder.split(separator: "/").map(String.init) {
            if !component.isEmpty { current += "/" + component }
            if mkdir(current, 0o755) != 0, errno != EEXIST { return errno }
            var info = stat()
            if stat(current, &info) != 0 { return errno }
            if info.st_mode & S_IFMT != S_IFDIR { return ENOTDIR }
        }
        return nil
    }
}
