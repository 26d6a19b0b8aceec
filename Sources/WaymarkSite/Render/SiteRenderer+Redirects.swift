import WaymarkCore

extension SiteRenderer {
    /// `/t/<TOKEN>/index.html`: meta refresh for browsers without script, a visible link for people,
    /// a canonical link for crawlers, and the one inline script (beacon, then `location.replace`,
    /// keeping the `#fragment`). No `noindex`: search engines would drop the target with it.
    ///
    /// `fingerprinting`: the script is left out; it is part of the template set's digest, and
    /// hashing it again for each of twenty thousand pages showed in rebuilds.
    func redirectContext(for token: IssuedToken, fingerprinting: Bool = false) -> [String: Any] {
        [
            "token": token.token.rawValue,
            "title": token.title,
            "target_path": input.link(token.path),
            "target_url": input.config.baseURL.absolute(token.path),
            "script": fingerprinting ? "(template set)" : input.templates.redirectScript,
        ]
    }
}
