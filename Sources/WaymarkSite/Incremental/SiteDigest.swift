import WaymarkCore

/// The digests every cached file of a site is keyed on, so that a change of the binary, a
/// template, site.yml or the QR logo renders all of the site's pages (or codes) again.
enum SiteDigest {
    /// `codes`: what QR codes depend on; `base`: what pages depend on besides their own context
    /// and the site context (which the renderer adds).
    static func of(_ site: Site, templates: TemplateSet, root: String, files: ContentFiles) -> (base: String, codes: String) {
        var codes = Fingerprint()
        codes.add(BuildCacheFile.binaryIdentity)
        codes.add(bytes: bytes(of: "\(root)/\(site.folder)/site.yml", files: files))
        if let logo = site.config.qr.logo { codes.add(bytes: bytes(of: "\(root)/\(logo)", files: files)) }
        let codesDigest = codes.hex()
        var base = Fingerprint()
        base.add(codesDigest)
        base.add(templates.digest)
        return (base.hex(), codesDigest)
    }

    /// A file that cannot be read hashes as a marker no file's bytes can equal.
    private static func bytes(of path: String, files: ContentFiles) -> [UInt8] {
        (try? files.read(path)).map { [1] + Array($0) } ?? [0]
    }
}
