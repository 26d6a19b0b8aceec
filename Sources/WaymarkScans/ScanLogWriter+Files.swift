#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WaymarkCore

extension ScanLogWriter {
    /// Writes `line` to the site's current file, rotating first if needed. Caller holds the lock.
    /// Appends `lines` (all for `site` on `day`), rotating before a write would pass the size
    /// limit. Returns how many lines were written, and the error that stopped the rest.
    func appendLocked(_ lines: ArraySlice<[UInt8]>, site: SiteID, day: UTCDay) -> (written: Int, error: ScanLogError?) {
        var written = 0
        var chunk: [UInt8] = []
        while written < lines.count {
            let first = lines.startIndex + written
            guard !closed else { return (written, ScanLogError(path: "\(site)", reason: .closed)) }
            if let current = open[site], current.path.day != day || current.size + lines[first].count > configuration.maxFileBytes && current.size > 0 {
                retire(site)
            }
            let file: ScanLogFile
            switch open[site].map({ Result<ScanLogFile, ScanLogError>.success($0) }) ?? openFile(site: site, day: day) {
            case let .success(opened): file = opened
            case let .failure(error): return (written, fail(error))
            }
            // As many whole lines as fit; the first always goes (an empty file takes any line).
            chunk.removeAll(keepingCapacity: true)
            var next = first
            while next < lines.endIndex, next == first || file.size + chunk.count + lines[next].count <= configuration.maxFileBytes {
                chunk += lines[next]
                next += 1
            }
            switch file.append(chunk) {
            case .success:
                if configuration.durability != .never { dirty.insert(ObjectIdentifier(file)) }
                statistics.linesWritten += next - first
                statistics.bytesWritten += chunk.count
                lastError = nil
                written += next - first
            case let .failure(error):
                // Never write to a file after a failed write: a later line must not follow a cut.
                retire(site)
                return (written, fail(error))
            }
        }
        return (written, nil)
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
