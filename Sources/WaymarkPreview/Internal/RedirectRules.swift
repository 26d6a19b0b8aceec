import Foundation

/// The rules of a `_redirects` file (Netlify's format, which Cloudflare Pages shares), applied by
/// the preview the way those hosts apply them: after an existing file, before a folder or a 404.
///
/// Only what Waymark writes and what people commonly add is understood: exact paths, a trailing
/// `/*` splat with `:splat` in the target, a status with an optional `!` (force). Lines with
/// query or country conditions are skipped rather than half applied.
struct RedirectRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var from: String
        var to: String
        /// 200 rewrites (the target's content at the requested URL), 3xx redirects, 4xx serves the
        /// target with that status.
        var status: Int
        /// `!`: applies even when a file exists at the path.
        var force: Bool
    }

    private(set) var rules: [Rule] = []

    init(rules: [Rule] = []) { self.rules = rules }

    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2, !fields[0].hasPrefix("#"), fields[0].hasPrefix("/") else { continue }
            var status = 301
            var force = false
            if fields.count >= 3 {
                var code = fields[2]
                if code.hasSuffix("!") { force = true; code.removeLast() }
                guard let number = Int(code), fields.count == 3 else { continue }
                status = number
            }
            rules.append(Rule(from: fields[0], to: fields[1], status: status, force: force))
        }
    }

    /// The first rule matching `path` (a trailing slash is optional, as on Netlify), with any
    /// `:splat` in its target filled in.
    func rule(for path: String) -> Rule? {
        let wanted = Self.trimmingSlash(path)
        for rule in rules {
            if rule.from.hasSuffix("/*") {
                let stem = String(rule.from.dropLast())
                guard path.hasPrefix(stem) || wanted + "/" == stem else { continue }
                let splat = path.hasPrefix(stem) ? String(path.dropFirst(stem.count)) : ""
                var matched = rule
                matched.to = rule.to.replacingOccurrences(of: ":splat", with: splat)
                return matched
            }
            if Self.trimmingSlash(rule.from) == wanted { return rule }
        }
        return nil
    }

    private static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
