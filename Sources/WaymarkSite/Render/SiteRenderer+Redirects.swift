import WaymarkCore

extension SiteRenderer {
    /// `/t/<TOKEN>/index.html`: meta refresh for browsers without script, a visible link for people,
    /// a canonical link for crawlers, and the one inline script (beacon, then `location.replace`,
    /// keeping the `#fragment`). No `noindex`: search engines would drop the target with it.
    func redirectContext(for token: IssuedToken) -> [String: Any] {
        [
            "token": token.token.rawValue,
            "title": token.title,
            "target_path": input.link(token.path),
            "target_url": input.config.baseURL.absolute(token.path),
            "script": input.templates.redirectScript,
        ]
    }
}
