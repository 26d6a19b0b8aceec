import WaymarkCore

/// HMAC-SHA256 (RFC 2104) on `WaymarkCore.SHA256`, with the padded key blocks hashed once.
public struct HMACSHA256: Sendable {
    private let inner: SHA256
    private let outer: SHA256

    public init<Key: Collection>(key: Key) where Key.Element == UInt8 {
        var block = key.count > 64 ? SHA256.hash(key) : Array(key)
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256(), outer = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        outer.update(block.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    public func authenticationCode<Message: Sequence>(for message: Message) -> [UInt8] where Message.Element == UInt8 {
        var inner = self.inner
        inner.update(message)
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
