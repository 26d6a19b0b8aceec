import WaymarkCore

/// The manifest lists every token: encoding it as JSON on every build showed in one-file
/// rebuilds, so a build whose manifest has the same fingerprint leaves the file as it is.
extension Manifest {
    var fingerprint: String {
        var digest = Fingerprint()
        digest.add(String(version))
        for (id, site) in sites.sorted(by: { $0.key < $1.key }) {
            for field in [id, site.title, site.baseURL, site.shortURL ?? "\u{0}", site.beaconURL ?? "\u{0}"] { digest.add(field) }
        }
        for (token, entry) in tokens.sorted(by: { $0.key < $1.key }) {
            for field in [token, entry.site.rawValue, entry.kind.rawValue, entry.status.rawValue, entry.target, entry.payload, entry.title, entry.source] {
                digest.add(field)
            }
        }
        return digest.hex()
    }
}
