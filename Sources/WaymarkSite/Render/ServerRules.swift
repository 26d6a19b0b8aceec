import WaymarkCore

/// Server files for the site's host: security headers, a CSP that allows exactly the redirect
/// script, and one-hop rules for `/t/TOKEN`. Hosts that read rules at deploy (Netlify, Cloudflare)
/// get them inside the site folder; Apache gets `.htaccess` (never served); every other host gets
/// them under the private `site/_server/<id>/`, so no public file lists tokens.
struct ServerRules {
    let input: RenderInput

    /// The rule files: in the site folder for the hosts that read them there, else for
    /// `site/_server/<id>/`; with the records the build cache needs.
    struct Files: Sendable {
        var site = OutputTree()
        var server = OutputTree()
        var records = RenderRecords()
    }

    /// Pure, like the rest of the render: it runs on another core while the pages render.
    func render() -> Files {
        var output = Files()
        let id = input.config.id.rawValue
        let files: [(name: String, template: String, inSite: Bool)]
        switch input.config.host {
        case .netlify, .cloudflare: files = [("_redirects", "redirects", true), ("_headers", "headers", true)]
        case .apache: files = [(".htaccess", "htaccess", true)]
        case .nginx, .s3, .generic: files = [("nginx.conf", "nginx.conf", false), ("_redirects", "redirects", false), ("_headers", "headers", false)]
        }
        let paths = files.map { $0.inSite ? "\(id)/\($0.name)" : "_server/\(id)/\($0.name)" }
        // They list every token, so rendering them took a good part of a one-file rebuild.
        let digest = input.reuse.map(fingerprint)
        if let reuse = input.reuse, let digest {
            let kept = paths.compactMap { reuse.kept($0, fingerprint: digest) }
            if kept.count == files.count {
                for (file, (path, record)) in zip(files, zip(paths, kept)) {
                    if file.inSite { output.site.keep(file.name) } else { output.server.keep(file.name) }
                    output.records.kept[path] = record
                }
                return output
            }
        }
        let context = rulesContext()
        for (file, path) in zip(files, paths) {
            let text = input.templates.render(file.template, context)
            if file.inSite { output.site.add(file.name, text) } else { output.server.add(file.name, text) }
            if let digest { output.records.fresh[path] = digest }
        }
        return output
    }

    /// What the rules are made from besides site.yml and the templates (in `base`): the tokens.
    private func fingerprint(_ reuse: PageReuse) -> String {
        var digest = Fingerprint()
        digest.add(reuse.base)
        for token in input.issuedTokens {
            digest.add(token.token.rawValue)
            digest.add(token.path)
        }
        for (token, _) in input.ledger.retired { digest.add(token.rawValue) }
        return digest.hex()
    }

    private func rulesContext() -> [String: Any] {
        let prefix = input.config.baseURL.pathPrefix
        let beacon = input.config.beaconURL != nil
        // Cloudflare answers a rewrite only with 200; Netlify can say the token is gone (410).
        let goneStatus = input.config.host == .netlify ? 410 : 200
        var tokens: [[String: Any]] = []
        for folder in input.tokenFolders {
            tokens += input.issuedTokens.sorted { $0.token < $1.token }.map { token in
                ["from": "\(prefix)/\(folder)/\(token.token)", "to": input.link(token.path), "page": "\(prefix)/\(folder)/\(token.token)/index.html", "status": 302, "beacon": beacon]
            }
            tokens += input.ledger.retired.map { token, _ in
                let page = "\(prefix)/\(folder)/\(token)/index.html"
                return ["from": "\(prefix)/\(folder)/\(token)", "to": page, "page": page, "status": goneStatus, "beacon": false]
            }
        }
        return [
            "site_id": input.config.id.rawValue,
            "site_prefix": prefix,
            "token_folder": input.config.qr.uppercase ? "[tT]" : "t",
            "tokens": tokens,
            "script_hash": SHA256.cspSource(for: input.templates.redirectScript),
            "connect_src": input.config.beaconURL.flatMap { SiteURL($0)?.origin } ?? "'none'",
        ]
    }
}
