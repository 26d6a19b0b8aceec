import Foundation
import WaymarkScans

/// Reads the new bytes of one partition folder's files into the tally of that folder's site and
/// day. One reader per worker thread, reused from folder to folder so that the field combinations
/// it has decoded stay decoded; it touches the database only through the closures it is given.
struct PartitionReader {
    /// Warnings kept per folder: enough to find a problem, bounded when a file is garbage.
    static let warningLimit = 1000

    private(set) var table: FieldTable
    private(set) var tally: DayTally?
    private(set) var strays: [StrayEvent] = []
    private(set) var progress: [FileProgress] = []
    private(set) var warnings: [LogWarning] = []
    /// Warnings beyond `warningLimit`, counted only.
    private(set) var warningsOmitted = 0
    private(set) var malformedLines = 0
    private(set) var truncatedLines = 0
    private(set) var bytesRead = 0
    private(set) var linesRead = 0

    private var scanner = LineScanner()
    private static let chunkSize = 4 << 20

    init(tokenID: @escaping (String) -> Int32) {
        table = FieldTable(tokenID: tokenID)
    }

    /// Starts a new folder whose own site and day are in `tally` (nil for a folder without a
    /// valid date: all its events are then strays).
    mutating func start(_ tally: DayTally?) {
        self.tally = tally
        strays = []
        progress = []
        warnings = []
        warningsOmitted = 0
        bytesRead = 0
        linesRead = 0
        malformedLines = 0
        truncatedLines = 0
    }

    /// Reads `file` from where `previous` ended (from the start when there is none or it shrank).
    mutating func read(_ file: LogFile, root: String, previous: FileProgress?) {
        var state = previous ?? FileProgress(path: file.path, site: file.site, bytes: 0, lines: 0, malformed: 0, truncated: false)
        if state.bytes > file.size {
            warn(LogWarning(path: file.path, line: 0, reason: .fileShrank(previousBytes: state.bytes)))
            state.bytes = 0
            state.lines = 0
        }
        let descriptor = open("\(root)/\(file.path)", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            warn(LogWarning(path: file.path, line: state.lines, reason: .unreadable(errno: errno)))
            return
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var position = state.bytes
        var carried = 0  // bytes of an unfinished line kept at the front of the buffer
        while position < file.size {
            if carried == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }  // one line over 4 MB
            let wanted = min(buffer.count - carried, file.size - position)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + carried, wanted, off_t(position)) }
            if got <= 0 {
                if got < 0 { warn(LogWarning(path: file.path, line: state.lines, reason: .unreadable(errno: errno))) }
                break
            }
            position += got
            bytesRead += got
            let available = carried + got
            let consumed = buffer.withUnsafeBufferPointer { lines(in: $0.baseAddress!, count: available, file: file, state: &state) }
            state.bytes += consumed
            carried = available - consumed
            if carried > 0, consumed > 0 {
                buffer.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + consumed, carried) }
            }
        }
        state.truncated = carried > 0
        if state.truncated {
            truncatedLines += 1
            warn(LogWarning(path: file.path, line: state.lines + 1, reason: .truncatedFinalLine))
        }
        progress.append(state)
    }
}

private extension PartitionReader {
    mutating func warn(_ warning: LogWarning) {
        if warnings.count < Self.warningLimit { warnings.append(warning) } else { warningsOmitted += 1 }
    }

    /// Handles every complete line in `bytes`; returns the bytes consumed (through the last `\n`).
    mutating func lines(in bytes: UnsafePointer<UInt8>, count: Int, file: LogFile, state: inout FileProgress) -> Int {
        var start = 0
        while start < count, let newline = memchr(bytes + start, 0x0A, count - start) {
            let end = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes
            state.lines += 1
            linesRead += 1
            if !line(bytes + start, count: end - start) {
                state.malformed += 1
                malformedLines += 1
                warn(LogWarning(path: file.path, line: state.lines, reason: .malformedLine))
            }
            start = end + 1
        }
        return start
    }

    /// Counts one line; false if it is not a valid event.
    @inline(__always)
    mutating func line(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        switch scanner.scan(bytes, count: count) {
        case let .event(scanned):
            let run = UnsafeBufferPointer(start: bytes + scanned.fieldsStart, count: scanned.fieldsEnd - scanned.fieldsStart)
            guard let field = table.index(ofCanonical: run) else { return slowLine(bytes, count: count) }
            add(field: field, idHash: scanned.idHash, day: scanned.day, hour: scanned.hour, visitor: scanned.ih)
            return true
        case .slowPath:
            return slowLine(bytes, count: count)
        case .malformed:
            return false
        }
    }

    mutating func slowLine(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard let event = ScanLogReader.decodeLine(UnsafeBufferPointer(start: bytes, count: count)),
              let visitor = event.ih.utf8.withContiguousStorageIfAvailable({ LineScanner.hex16($0.baseAddress!) }) ?? nil
        else { return false }
        let fields = EventFields(site: event.site.rawValue, token: event.token.rawValue, kind: event.kind.rawValue,
                                 device: event.ua.device.rawValue, os: event.ua.os, browser: event.ua.browser, ref: event.ref, cc: event.cc)
        let id = Array(event.id.utf8)
        let idHash = id.isEmpty ? ByteHash.hash([]) : ByteHash.hash(id)
        let inDay = Int(event.ts.milliseconds - Int64(event.ts.day.daysSinceEpoch) * 86_400_000)
        add(field: table.index(of: fields), idHash: idHash, day: event.ts.day.daysSinceEpoch, hour: inDay / 3_600_000, visitor: visitor)
        return true
    }

    @inline(__always)
    mutating func add(field: Int32, idHash: UInt64, day: Int, hour: Int, visitor: UInt64) {
        let fields = table.fields[Int(field)]
        if tally != nil, tally!.day == day, tally!.site == fields.site {
            tally!.add(idHash: idHash, field: field, hour: hour, visitor: visitor, token: table.tokenIDs[Int(field)], isBot: fields.isBot)
        } else {
            strays.append(StrayEvent(fields: fields, idHash: idHash, day: day, hour: hour, visitor: visitor))
        }
    }
}

