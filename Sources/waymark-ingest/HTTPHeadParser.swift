#if canImport(Glibc)
import Glibc
#endif
import NIOHTTP1

/// Reads one HTTP/1.x request head — request line and header fields — from the bytes received so far.
///
/// Strict where leniency has been used to smuggle requests (RFC 9112): no whitespace before a
/// field's colon, no folded lines, no control bytes, one agreed `Content-Length`, and no
/// `Transfer-Encoding` (beacons are small and always sized; a chunked body is refused with 411).
/// Our own parser rather than NIOHTTP1's: the server only ever needs a handful of fields, and
/// skipping the general pipeline is most of the difference to nginx's throughput.
enum HTTPHeadParser {
    enum Outcome {
        /// The head is not complete yet and still within the limits.
        case incomplete
        /// A complete head taking `length` bytes, blank line included.
        case head(HTTPRequestHead, length: Int)
        /// Refuse and close: the rest of the stream can no longer be trusted.
        case invalid(Rejection)
    }

    /// Reads the head at the start of `bytes`; the selected fields of a complete head are left in `fields`.
    static func parse(_ bytes: UnsafeRawBufferPointer, limits: RequestLimits, selection: HTTPFieldSelection,
                      fields: inout HTTPFields) -> Outcome {
        var cursor = 0
        // RFC 9112 §2.2: ignore empty lines before a request line.
        while cursor < bytes.count, bytes[cursor] == .cr || bytes[cursor] == .lf {
            cursor += 1
            if cursor > 64 { return .invalid(.malformedRequest) }
        }
        let requestLineLimit = limits.maximumTargetBytes + 64
        guard let requestLineEnd = lineEnd(in: bytes, from: cursor, limit: requestLineLimit) else {
            return bytes.count - cursor > requestLineLimit ? .invalid(.uriTooLong) : .incomplete
        }
        guard case let .success((method, target, isHTTP10)) = requestLine(bytes, cursor..<requestLineEnd.contentEnd) else {
            return .invalid(.malformedRequest)
        }
        cursor = requestLineEnd.next

        fields.begin()
        defer { fields.end() }
        var fieldCount = 0, fieldBytes = 0
        let blockStart = cursor
        // Raw bytes allowed for the field block: the counted limit plus room for optional whitespace.
        let blockLimit = limits.maximumHeaderBytes + 1024
        while true {
            guard let end = lineEnd(in: bytes, from: cursor, limit: blockLimit - (cursor - blockStart)) else {
                return bytes.count - blockStart > blockLimit ? .invalid(.headersTooLarge) : .incomplete
            }
            if end.contentEnd == cursor {
                cursor = end.next
                break
            }
            guard fieldCount < limits.maximumHeaderCount else { return .invalid(.headersTooLarge) }
            guard let (name, value) = field(bytes, cursor..<end.contentEnd) else { return .invalid(.malformedRequest) }
            fieldCount += 1
            fieldBytes += name.count + value.count + 4
            if let selected = selection.match(name) {
                fields.append(name: selected, value: value)
            }
            cursor = end.next
        }

        var contentLength: Int?
        var connection: [String] = [], expect: [String] = []
        for (name, value) in fields.current {
            switch name {
            case "transfer-encoding": return .invalid(.lengthRequired)
            case "content-length":
                guard (1...18).contains(value.utf8.count), value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let length = Int(value),
                      contentLength == nil || contentLength == length else { return .invalid(.malformedRequest) }
                contentLength = length
            case "connection": connection += tokens(value)
            case "expect": expect += tokens(value)
            default: break
            }
        }
        let keepAlive = isHTTP10 ? connection.contains("keep-alive") : !connection.contains("close")
        let expectsContinue = !isHTTP10 && expect.contains("100-continue")
        let head = HTTPRequestHead(method: method, target: target, isHTTP10: isHTTP10, fieldBytes: fieldBytes,
                                   contentLength: contentLength ?? 0, keepAlive: keepAlive, expectsContinue: expectsContinue)
        return .head(head, length: cursor)
    }
}

private extension HTTPHeadParser {
    /// Where the line starting at `start` ends: before its CRLF (or bare LF), and after it.
    /// nil when no LF comes within `limit` bytes.
    static func lineEnd(in bytes: UnsafeRawBufferPointer, from start: Int, limit: Int) -> (contentEnd: Int, next: Int)? {
        let stop = min(bytes.count, start + max(limit, 0) + 2)
        // memchr: the C library's vectorised search, the parser's innermost loop.
        guard start < stop, let base = bytes.baseAddress, let found = memchr(base + start, Int32(UInt8.lf), stop - start) else { return nil }
        let index = base.distance(to: UnsafeRawPointer(found))
        let contentEnd = index > start && bytes[index - 1] == .cr ? index - 1 : index
        return (contentEnd, index + 1)
    }

    /// `method SP request-target SP HTTP/1.x`.
    static func requestLine(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Result<(HTTPMethod, String, Bool), Rejection> {
        let line = UnsafeRawBufferPointer(rebasing: bytes[range])
        guard let firstSpace = line.firstIndex(of: .space), firstSpace > 0,
              line[..<firstSpace].allSatisfy(isTokenByte) else { return .failure(.malformedRequest) }
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: .space), secondSpace > rest.startIndex,
              rest[..<secondSpace].allSatisfy({ (0x21...0x7E).contains($0) }) else { return .failure(.malformedRequest) }
        let version = line[(secondSpace + 1)...]
        let isHTTP10: Bool
        if version.elementsEqual("HTTP/1.1".utf8) {
            isHTTP10 = false
        } else if version.elementsEqual("HTTP/1.0".utf8) {
            isHTTP10 = true
        } else {
            return .failure(.malformedRequest)
        }
        let method = Self.method(UnsafeRawBufferPointer(rebasing: line[..<firstSpace]))
        return .success((method, String(decoding: rest[..<secondSpace], as: UTF8.self), isHTTP10))
    }

    /// The methods the routes answer, matched as bytes; any other through `HTTPMethod(rawValue:)`.
    static func method(_ name: UnsafeRawBufferPointer) -> HTTPMethod {
        if name.elementsEqual("GET".utf8) { return .GET }
        if name.elementsEqual("POST".utf8) { return .POST }
        if name.elementsEqual("HEAD".utf8) { return .HEAD }
        if name.elementsEqual("OPTIONS".utf8) { return .OPTIONS }
        return HTTPMethod(rawValue: String(decoding: name, as: UTF8.self))
    }

    /// `name ":" OWS value OWS`, as raw bytes: the name a token, the value without control bytes (obs-text allowed).
    static func field(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> (name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        let line = UnsafeRawBufferPointer(rebasing: bytes[range])
        // A leading space would be a folded continuation line: obsolete and refused.
        guard let colon = line.firstIndex(of: .colon), colon > 0, line[..<colon].allSatisfy(isTokenByte) else { return nil }
        var start = colon + 1, end = line.count
        while start < end, line[start] == .space || line[start] == .tab { start += 1 }
        while end > start, line[end - 1] == .space || line[end - 1] == .tab { end -= 1 }
        guard isFieldValue(UnsafeRawBufferPointer(rebasing: line[start..<end])) else { return nil }
        return (UnsafeRawBufferPointer(rebasing: line[..<colon]), UnsafeRawBufferPointer(rebasing: line[start..<end]))
    }

    /// No control bytes but tab (obs-text allowed). Eight bytes at a time: a `User-Agent` is long,
    /// and almost every word of one is plain text, which two word operations prove.
    static func isFieldValue(_ value: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= value.count {
            let word = value.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Some byte below 0x20 (bytes of 0x80 and up never count), or some byte equal to 0x7F.
            let control = (word &- ones &* 0x20) & ~word & highs
            let delete = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highs
            if control | delete != 0 {
                for byte in value[index..<index + 8] where !isFieldValueByte(byte) { return false }
            }
            index += 8
        }
        for byte in value[index...] where !isFieldValueByte(byte) { return false }
        return true
    }

    static func isFieldValueByte(_ byte: UInt8) -> Bool { byte == .tab || byte >= 0x20 && byte != 0x7F }

    /// The comma-separated tokens of a list field, lower-cased.
    static func tokens(_ value: String) -> [String] {
        value.lowercased().split(separator: ",").map { $0.filter { $0 != " " && $0 != "\t" } }
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): return true
        default: return false
        }
    }
}

private extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
}
