/// The scheme, host and port of an absolute URL, for matching hosts and origins.
///
/// Deliberately small: it reads only `scheme://[userinfo@]host[:port]`, lower-cases scheme and host,
/// drops default ports, and refuses hosts with characters a DNS name or IP literal cannot have —
/// which is also what keeps a referrer's host safe to log.
struct URLParts: Equatable {
    var scheme: String
    var host: String
    /// nil when absent or the scheme's default.
    var port: Int?

    init?(_ text: Substring) {
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard !scheme.isEmpty, scheme.utf8.allSatisfy(Self.isSchemeByte) else { return nil }
        var authority = text[separator.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard let (host, port) = Self.splitHostPort(authority) else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port == Self.defaultPort(scheme) ? nil : port
    }

    init?(_ text: String) { self.init(text[...]) }

    /// `scheme://host[:port]`, as browsers send in `Origin`.
    var origin: String { scheme + "://" + authority }

    /// `host[:port]`, as clients send in `Host`.
    var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// A `Host` header value normalised like `authority`: lower case, without :80 or :443 (the
    /// scheme is unknown behind a proxy, so both defaults are dropped).
    static func normalizedHostHeader(_ value: String) -> String? {
        guard let (host, port) = splitHostPort(value[...]) else { return nil }
        guard let port, port != 80, port != 443 else { return host }
        return "\(host):\(port)"
    }

    static func splitHostPort(_ authority: Substring) -> (String, Int?)? {
        var host = authority
        var port: Int?
        // `contains(where:)`: a String argument would pick Foundation's slow `StringProtocol.contains`.
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains(where: { $0 == "]" }) {
            let digits = authority[authority.index(after: colon)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCII), let value = Int(digits), value <= 65535 else { return nil }
            port = value
            host = authority[..<colon]
        }
        let lowered = host.lowercased()
        guard (1...253).contains(lowered.utf8.count), lowered.utf8.allSatisfy(isHostByte) else { return nil }
        if lowered.hasPrefix("[") != lowered.hasSuffix("]") { return nil }
        if !lowered.hasPrefix("["), lowered.utf8.contains(UInt8(ascii: ":")) { return nil }
        return (lowered, port)
    }

    private static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ":")
    }
}
