import Foundation

/// The syncer thread: group fsyncs, interval fsyncs, and the final fsync and close of rotated files.
///
/// fsync runs outside the lock, so appends continue while the disk flushes; every `.always`
/// append that arrived before a flush started is acknowledged by that flush.
extension ScanLogWriter {
    func startSyncer() {
        let thread = Thread { [self] in runSyncer() }
        thread.name = "waymark-scanlog-sync"
        syncer = thread
        thread.start()
    }

    private func runSyncer() {
        let interval = configuration.syncInterval
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        condition.lock()
        while true {
            let deadline = Date(timeIntervalSinceNow: seconds)
            // `.always` flushes as soon as someone waits; the others wake on the interval.
            while !closed, retired.isEmpty, waiting.isEmpty, condition.wait(until: deadline) {}
            let stopping = closed
            retireYesterday()
            let flushDirty = configuration.durability != .never || stopping
            let files = flushDirty ? open.values.filter { dirty.contains(ObjectIdentifier($0)) } : []
            if flushDirty { dirty.removeAll() }
            let rotated = retired
            retired.removeAll()
            let folders = newFolders
            newFolders.removeAll()
            let waiters = waiting
            waiting.removeAll()
            condition.unlock()

            var failure: ScanLogError?
            for file in files + rotated {
                let started = DispatchTime.now().uptimeNanoseconds
                let code = file.sync()
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                condition.lock()
                statistics.recordSync(seconds: elapsed)
                if let code {
                    statistics.fsyncErrors += 1
                    failure = ScanLogError(path: file.path.description, reason: .cannotSync(errno: code))
                    lastError = failure
                }
                condition.unlock()
            }
            for folder in folders { syncFolder(folder) }
            _ = rotated  // the last reference: closing happens in ScanLogFile.deinit, after its fsync
            let result: Result<Void, ScanLogError> = failure.map { .failure($0) } ?? .success(())
            for waiter in waiters { waiter(result) }

            condition.lock()
            if stopping, retired.isEmpty, waiting.isEmpty {
                syncerFinished = true
                condition.broadcast()
                condition.unlock()
                return
            }
        }
    }

    /// Files of a day that is over are closed even when no new event arrives for their site.
    private func retireYesterday() {
        let today = configuration.now().day
        for (site, file) in open where file.path.day < today {
            open.removeValue(forKey: site)
            dirty.remove(ObjectIdentifier(file))
            retired.append(file)
        }
    }
}
