import Foundation

/// Reduces a `User-Agent` header to device, OS and browser, and tells people from machines.
///
/// Substring rules, in order, on the lower-cased header (UA strings are a convention, not a
/// grammar). A bot is anything that is not a person holding a phone: crawlers, link-preview
/// fetchers (chat apps unfurling a shared link), headless browsers and HTTP libraries and tools.
public enum UserAgentClassifier {
    /// Headers longer than this are cut before matching: real ones are a few hundred bytes.
    static let maximumLength = 1024

    public static func classify(_ header: String?) -> UserAgentSummary {
        guard let header, header.utf8.count <= maximumLength else { return classifyUncached(header) }
        // Real traffic repeats a few hundred user agents: remember them (bounded).
        if let known = cache.value(for: header) { return known }
        let summary = classifyUncached(header)
        cache.store(summary, for: header)
        return summary
    }

    static let cache = SummaryCache()

    static func classifyUncached(_ header: String?) -> UserAgentSummary {
        var bytes = Array((header ?? "").utf8.prefix(maximumLength))
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        let text = Haystack(bytes: bytes)
        let os = operatingSystem(text)
        if let family = botFamily(text) { return UserAgentSummary(device: .bot, os: os, browser: family) }
        return UserAgentSummary(device: device(text), os: os, browser: browser(text))
    }
}

private extension UserAgentClassifier {
    /// Checked first: a match means a bot, labelled with its family as the "browser".
    static let botPatterns: [(pattern: String, family: String)] = [
        ("headlesschrome", "headless-chrome"), ("phantomjs", "phantomjs"), ("lighthouse", "lighthouse"),
        ("puppeteer", "headless-chrome"), ("playwright", "playwright"), ("selenium", "selenium"),
        ("googlebot", "googlebot"), ("google-inspectiontool", "googlebot"), ("adsbot-google", "googlebot"),
        ("bingbot", "bingbot"), ("applebot", "applebot"), ("yandex", "yandex"), ("baiduspider", "baidu"),
        ("duckduckbot", "duckduckgo"), ("facebookexternalhit", "facebook"), ("facebookcatalog", "facebook"),
        ("meta-externalagent", "facebook"), ("telegrambot", "telegram"), ("twitterbot", "twitter"), ("slackbot", "slack"),
        ("slack-imgproxy", "slack"), ("whatsapp", "whatsapp"),
        ("discordbot", "discord"), ("linkedinbot", "linkedin"), ("skypeuripreview", "skype"),
        ("pinterest", "pinterest"), ("redditbot", "reddit"), ("embedly", "embedly"), ("iframely", "iframely"),
        ("vkshare", "vk"), ("mastodon", "mastodon"), ("bitlybot", "bitly"), ("gptbot", "openai"),
        ("chatgpt-user", "openai"), ("claudebot", "anthropic"), ("perplexitybot", "perplexity"),
        ("curl/", "curl"), ("wget/", "wget"), ("python-requests", "python"), ("python-urllib", "python"),
        ("python-httpx", "python"), ("aiohttp", "python"), ("scrapy", "python"),
        ("go-http-client", "go"), ("java/", "java"), ("okhttp", "java"), ("apache-httpclient", "java"),
        ("libwww-perl", "perl"), ("node-fetch", "node"), ("axios/", "node"), ("undici", "node"),
        ("ruby", "ruby"), ("php/", "php"), ("postmanruntime", "postman"), ("insomnia", "insomnia"),
        ("httpie", "httpie"), ("crawl", "crawler"),
        ("spider", "crawler"), ("slurp", "crawler"), ("preview", "preview"),
    ]

    static func botFamily(_ text: Haystack) -> String? {
        if text.bytes.isEmpty { return "unknown" }
        for (pattern, family) in botPatterns where text.contains(pattern) { return family }
        // "…bot/1.0", "…Bot-Https", "(compatible; SomeBot)": `bot` ending a product name. Not "cubot_x30".
        for suffix in ["bot/", "bot ", "bot;", "bot)", "bot-"] where text.contains(suffix) { return "other" }
        if text.bytes.count >= 3, text.bytes.suffix(3).elementsEqual("bot".utf8) { return "other" }
        // Every browser (and every in-app web view) still starts with "Mozilla/"; scripts do not.
        if !text.hasPrefix("mozilla/"), !text.hasPrefix("opera") { return "other" }
        return nil
    }

    static func device(_ text: Haystack) -> UserAgentSummary.Device {
        if text.contains("ipad") || text.contains("tablet") || text.contains("kindle") || text.contains("silk/")
            || text.contains("playbook") || (text.contains("android") && !text.contains("mobile")) { return .tablet }
        if text.contains("mobi") || text.contains("iphone") || text.contains("ipod") || text.contains("android")
            || text.contains("windows phone") || text.contains("blackberry") || text.contains("opera mini") { return .mobile }
        return .desktop
    }

    static func operatingSystem(_ text: Haystack) -> String {
        if text.contains("iphone") || text.contains("ipad") || text.contains("ipod") { return "ios" }
        if text.contains("android") { return "android" }
        if text.contains("windows") { return "windows" }
        if text.contains("cros") { return "chromeos" }
        if text.contains("mac os x") || text.contains("macintosh") { return "macos" }
        if text.contains("linux") { return "linux" }
        return "other"
    }

    static func browser(_ text: Haystack) -> String {
        if text.contains("edg/") || text.contains("edga/") || text.contains("edgios/") { return "edge" }
        if text.contains("opr/") || text.contains("opera") { return "opera" }
        if text.contains("samsungbrowser") { return "samsung" }
        if text.contains("firefox/") || text.contains("fxios/") { return "firefox" }
        if text.contains("crios/") || text.contains("chrome/") || text.contains("chromium/") { return "chrome" }
        if text.contains("safari/") { return "safari" }
        return "other"
    }

    /// The lower-cased header with a byte search on buffers: the rules run dozens of searches per
    /// request, and `String.contains` would redo Unicode work each time.
    struct Haystack {
        let bytes: [UInt8]

        func contains(_ needle: String) -> Bool {
            var needle = needle
            return needle.withUTF8 { pattern in
                bytes.withUnsafeBufferPointer { haystack in
                    guard let first = pattern.first, pattern.count <= haystack.count else { return pattern.isEmpty }
                    var start = 0
                    let last = haystack.count - pattern.count
                    while start <= last {
                        if haystack[start] == first {
                            var offset = 1
                            while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
                            if offset == pattern.count { return true }
                        }
                        start += 1
                    }
                    return false
                }
            }
        }

        func hasPrefix(_ prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }
    }
}

/// A bounded memo of classified headers, emptied when full (cheaper than LRU bookkeeping).
final class SummaryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: UserAgentSummary] = [:]
    private let capacity = 4096

    func value(for header: String) -> UserAgentSummary? {
        lock.lock()
        defer { lock.unlock() }
        return entries[header]
    }

    func store(_ summary: UserAgentSummary, for header: String) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[header] = summary
    }
}
