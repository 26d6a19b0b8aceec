import WaymarkScans

/// The last visitor hash a connection computed: a keep-alive client (or a proxy forwarding one
/// visitor) sends several requests from one address on one day, and the hash (two SHA-256 blocks)
/// is then worked out once. One entry per connection, dropped with it.
final class VisitorMemo {
    private var client = ""
    private var day: UTCDay?
    private var hash = ""

    func hash(address: String, on day: UTCDay, using visitorHash: VisitorHash) -> String {
        if day == self.day, address == client { return hash }
        hash = visitorHash.hash(address: address, on: day)
        client = address
        self.day = day
        return hash
    }
}
