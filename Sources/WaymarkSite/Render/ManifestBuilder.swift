import WaymarkCore

/// Adds a site and its tokens (live and retired) to the private manifest.
struct ManifestBuilder {
    let input: RenderInput

    func add(to manifest: inout Manifest) {
        let config = input.config
        manifest.sites[config.id.rawValue] = Manifest.Site(
            title: config.title, baseURL: config.baseURL.description,
            shortURL: config.shortURL?.description, beaconURL: config.beaconURL
        )
        for item in input.issuedTokens {
            manifest.tokens[item.token.rawValue] = Manifest.Entry(
                site: config.id, kind: item.kind, status: .active, target: config.baseURL.absolute(item.path),
                payload: input.payload(for: item.token), title: item.title, source: item.source
            )
        }
        for (token, record) in input.ledger.retired {
            manifest.tokens[token.rawValue] = Manifest.Entry(
                site: config.id, kind: record.kind, status: .retired, target: config.baseURL.absolute("/t/\(token)/"),
                payload: input.payload(for: token), title: record.title, source: "\(input.site.folder)/\(record.source)"
            )
        }
    }
}
