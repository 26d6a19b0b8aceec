import Foundation
import WaymarkCore

/// Parsed content files shared between builds, looked up by path while loading (from any core).
///
/// Two levels: a file whose stamp (size, times, inode) is unchanged is not even read: its
/// recorded item is used and its body is read later, only if its page is rendered again. A file
/// that changed but whose front matter is the same text is read, not parsed.
final class SourceCache: @unchecked Sendable {
    private let previous: [String: SourceRecord]
    private let lock = NSLock()
    private var current: [String: SourceRecord] = [:]
    /// `current`'s stamps and body digests, kept as each record comes in (on every core) rather
    /// than gathered from twenty thousand records afterwards on one.
    private var stampTable: [String: FileStamp] = [:]
    private var bodyTable: [String: String] = [:]
    private var unread: Set<String> = []
    /// Paths whose record is not the previous build's as it was.
    private var touched: Set<String> = []

    /// Files changed after this instant are not recorded with their stamp (`FileStamp.changed(before:)`).
    let settledBefore: Int64

    /// `settle`: seconds a file must be unchanged before the build starts for its stamp to be trusted.
    init(previous: [String: SourceRecord], settle: Double = 2) {
        self.previous = previous
        settledBefore = FileStamp.now - Int64(settle * 1e9)
        // A rebuild loads about the files the previous build did: the tables grow once.
        current.reserveCapacity(previous.count)
        stampTable.reserveCapacity(previous.count)
        bodyTable.reserveCapacity(previous.count)
        unread.reserveCapacity(previous.count)
    }

    /// Every file loaded by this build, for the next one.
    var records: [String: SourceRecord] { locked { current } }

    /// Paths whose record is not the previous build's as it was (parsed again, or restamped).
    var changedPaths: Set<String> { locked { touched } }

    /// What rendering needs to know about the files loaded: their stamps, their bodies' digests
    /// (a page's Markdown is fingerprinted by its body's) and which bodies were not read.
    var stamps: SourceStamps {
        locked { SourceStamps(stamps: stampTable, bodies: bodyTable, unread: unread, settledBefore: settledBefore) }
    }

    /// What one loading thread found, entered into the cache in one step by `record(_:)`: taking
    /// the lock for each of twenty thousand files kept two loading threads waiting on each other
    /// (lock waits and wake-ups were a sixth of loading a rebuild's stops).
    struct Found {
        fileprivate var records: [(path: String, record: SourceRecord)] = []
        fileprivate var unread: [String] = []
        fileprivate var touched: [String] = []
    }

    /// Enters what was found into the cache.
    func record(_ found: Found) {
        guard !found.records.isEmpty else { return }
        locked {
            for (path, record) in found.records { keep(record, at: path) }
            unread.formUnion(found.unread)
            touched.formUnion(found.touched)
        }
    }

    /// The recorded item of the file at `path` (project-relative) when its stamp is unchanged;
    /// its diagnostics are reported again. The caller then does not read the file.
    func unchanged(_ path: String, stamp: FileStamp?, sink: DiagnosticSink, into found: inout Found) -> SourceRecord? {
        guard let stamp, let record = previous[path], record.stamp == stamp else { return nil }
        for diagnostic in record.diagnostics { sink.report(diagnostic) }
        found.records.append((path, record))
        found.unread.append(path)
        return record
    }

    /// The item parsed from `source`: the recorded one when its front matter is the same text at
    /// the same line, otherwise `parse`'s, recorded (with `stamp`, taken before reading) when it
    /// found no error.
    func item(for source: SourceText, stamp: FileStamp?, sink: DiagnosticSink, into found: inout Found, parse: (DiagnosticSink) -> SourceRecord.Item?) -> SourceRecord.Item? {
        // Keyed on a digest: the cache holds twenty thousand front matters. A single text is
        // hashed as it is, not copied into a `Fingerprint` first.
        return item(path: source.path, key: FingerprintHash.hex(source.frontMatter.utf8), line: source.frontMatterLine, bodyLine: source.bodyLine,
                    body: FingerprintHash.hex(source.body.utf8), stamp: stamp, sink: sink, into: &found, parse: parse)
    }

    /// The same for a whole file (a ledger), keyed on `key`, e.g. a digest of its bytes.
    /// `body`: the digest of the Markdown body, if the file has one.
    func item(path: String, key: String, line: Int, bodyLine: Int = 0, body: String? = nil, stamp: FileStamp? = nil, sink: DiagnosticSink,
              into found: inout Found, parse: (DiagnosticSink) -> SourceRecord.Item?) -> SourceRecord.Item? {
        if var record = previous[path], record.frontMatter == key, record.frontMatterLine == line {
            for diagnostic in record.diagnostics { sink.report(diagnostic) }
            let stamp = stamp.flatMap { $0.changed(before: settledBefore) ? $0 : nil }
            let moved = record.stamp != stamp || record.bodyLine != bodyLine || record.body != body
            (record.stamp, record.bodyLine, record.body) = (stamp, bodyLine, body)
            found.records.append((path, record))
            if moved { found.touched.append(path) }
            return record.item
        }
        let (item, diagnostics) = DiagnosticSink.capturing(parse)
        for diagnostic in diagnostics { sink.report(diagnostic) }
        if let item, !diagnostics.contains(where: { $0.severity == .error }) {
            let stamp = stamp.flatMap { $0.changed(before: settledBefore) ? $0 : nil }
            let record = SourceRecord(frontMatter: key, frontMatterLine: line, bodyLine: bodyLine, body: body, stamp: stamp, diagnostics: diagnostics, item: item)
            found.records.append((path, record))
            found.touched.append(path)
        }
        return item
    }

    /// Records a file loaded by this build (called with the lock held).
    private func keep(_ record: SourceRecord, at path: String) {
        current[path] = record
        stampTable[path] = record.stamp
        bodyTable[path] = record.body
    }

    private func locked<T>(_ work: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return work()
    }
}

/// Source files as loaded, for fingerprinting and rendering their Markdown.
struct SourceStamps: Sendable {
    /// Stamp of each file loaded with one (project-relative path), taken before it was read.
    var stamps: [String: FileStamp] = [:]
    /// Digest of each recorded file's Markdown body (project-relative path), read now or before.
    var bodies: [String: String] = [:]
    /// Files taken from the cache without reading: their models carry no body.
    var unread: Set<String> = []
    /// Inputs changed after this instant are not trusted by their stamp next time.
    var settledBefore: Int64 = .min
}
