import Foundation

/// The `ih` field: a visitor's IP address hashed with a salt that changes every UTC day.
///
/// `salt(day) = HMAC-SHA256(secret, "waymark-visitor-salt-v1:" + day)` and
/// `ih = hex(HMAC-SHA256(salt(day), ip))[0..<16]`. Every node sharing the secret hashes a visitor
/// alike on the same day, so reports can count unique visitors across nodes; nobody without the
/// secret can test a guessed IP against the log, and once the secret is replaced and destroyed not
/// even the operator can. The raw address is never written anywhere.
public final class VisitorHash: @unchecked Sendable {
    private let secret: [UInt8]
    private let lock = NSLock()
    private var cachedDay: UTCDay?
    private var cachedSalt: HMACSHA256?

    public init<Secret: Collection>(secret: Secret) where Secret.Element == UInt8 {
        self.secret = Array(secret)
    }

    /// A fresh random secret: hashes then differ between restarts and nodes (for `--salt-file` absent).
    public static func randomSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The day's salt, itself secret: derived, never stored.
    public func salt(for day: UTCDay) -> HMACSHA256 {
        lock.lock()
        defer { lock.unlock() }
        if let cachedSalt, cachedDay == day { return cachedSalt }
        let salt = HMACSHA256(key: HMACSHA256(key: secret).authenticationCode(for: Array("waymark-visitor-salt-v1:\(day)".utf8)))
        cachedDay = day
        cachedSalt = salt
        return salt
    }

    /// 16 lower-case hex characters.
    public func hash(address: String, on day: UTCDay) -> String {
        let code = salt(for: day).authenticationCode(for: address.utf8)
        return Self.hex(code.prefix(8))
    }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
