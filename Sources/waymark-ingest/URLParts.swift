/// The scheme, host and port of an absolute URL, for matching hosts and origins.
///
/// Deliberately small: it reads only `scheme://[userinfo@]host[:port]`, lower-cases scheme and host,
/// drops default ports, and refuses hosts with characters a DNS name or IP literal cannot have —
/// which is also what keeps a referrer's host safe to log. It runs on every request, so it works
/// on UTF-8 bytes: `Character`-level `String` APIs cost more than the rest of a request together.
struct URLParts: Equatable {
    var scheme: String
    var host: String
    /// nil when absent or the scheme's default.
    var port: Int?

    init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    init?(_ text: Substring) {
        var text = text
        guard let parts = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parts
    }

    init?(_ text: String) { self.init(text[...]) }

    /// `scheme://host[:port]`, as browsers send in `Origin`.
    var origin: String { scheme + "://" + authority }

    /// `host[:port]`, as clients send in `Host`.
    var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// A `Host` header value normalised like `authority`: lower case, without :80 or :443 (the
    /// scheme is unknown behind a proxy, so both defaults are dropped).
    static func normalizedHostHeader(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes in
            guard let (host, port) = splitHostPort(bytes[...]) else { return nil }
            guard let port, port != 80, port != 443 else { return host }
            return "\(host):\(port)"
        }
    }
}

private extension URLParts {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> URLParts? {
        // The scheme ends at the first colon, which must open "://".
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > 0, text.count >= colon + 3,
              text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/") else { return nil }
        var schemeBytes = [UInt8](text[..<colon])
        for index in schemeBytes.indices {
            schemeBytes[index] = lowercased(schemeBytes[index])
            guard isSchemeByte(schemeBytes[index]) else { return nil }
        }
        var authority = text[(colon + 3)...]
        if let end = authority.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        guard let (host, port) = splitHostPort(authority) else { return nil }
        let scheme = String(decoding: schemeBytes, as: UTF8.self)
        return URLParts(scheme: scheme, host: host, port: port == defaultPort(scheme) ? nil : port)
    }

    /// `host[:port]` → lower-cased host and port; nil when either is not well formed.
    static func splitHostPort(_ authority: Bytes) -> (String, Int?)? {
        var host = authority
        var port: Int?
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")), !authority[colon...].contains(UInt8(ascii: "]")) {
            let digits = authority[(colon + 1)...]
            guard (1...5).contains(digits.count) else { return nil }
            var value = 0
            for digit in digits {
                guard (0x30...0x39).contains(digit) else { return nil }
                value = value * 10 + Int(digit - 0x30)
            }
            guard value <= 65535 else { return nil }
            port = value
            host = authority[..<colon]
        }
        guard (1...253).contains(host.count) else { return nil }
        var lowered = [UInt8](host)
        for index in lowered.indices {
            lowered[index] = lowercased(lowered[index])
            guard isHostByte(lowered[index]) else { return nil }
        }
        let bracketed = lowered.first == UInt8(ascii: "[")
        if bracketed != (lowered.last == UInt8(ascii: "]")) { return nil }
        if !bracketed, lowered.contains(UInt8(ascii: ":")) { return nil }
        return (String(decoding: lowered, as: UTF8.self), port)
    }

    static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    static func isSchemeByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ":")
    }
}
