import WaymarkCore

/// Server files for the site's host: security headers, a CSP that allows exactly the redirect
/// script, and one-hop rules for `/t/TOKEN`. Hosts that read rules at deploy (Netlify, Cloudflare)
/// get them inside the site folder; Apache gets `.htaccess` (never served); every other host gets
/// them under the private `site/_server/<id>/`, so no public file lists tokens.
struct ServerRules {
    let input: RenderInput

    func add(to output: inout SiteRenderer.Output) {
        let context = rulesContext()
        let redirects = input.templates.render("redirects", context)
        let headers = input.templates.render("headers", context)
        switch input.config.host {
        case .netlify, .cloudflare:
            output.site.add("_redirects", redirects)
            output.site.add("_headers", headers)
        case .apache:
            output.site.add(".htaccess", input.templates.render("htaccess", context))
        case .nginx, .s3, .generic:
            output.server.add("nginx.conf", input.templates.render("nginx.conf", context))
            output.server.add("_redirects", redirects)
            output.server.add("_headers", headers)
        }
    }

    private func rulesContext() -> [String: Any] {
        let prefix = input.config.baseURL.pathPrefix
        let beacon = input.config.beaconURL != nil
        // Cloudflare answers a rewrite only with 200; Netlify can say the token is gone (410).
        let goneStatus = input.config.host == .netlify ? 410 : 200
        var tokens: [[String: Any]] = []
        for folder in input.tokenFolders {
            tokens += input.site.issuedTokens.sorted { $0.token < $1.token }.map { token in
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
