import Testing
@testable import WaymarkScans

@Suite struct UserAgentClassifierTests {
    typealias Device = UserAgentSummary.Device

    @Test(arguments: [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", Device.mobile, "ios", "safari"),
        ("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", .tablet, "ios", "chrome"),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", .mobile, "android", "chrome"),
        ("Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", .tablet, "android", "chrome"),
        ("Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36", .mobile, "android", "samsung"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51", .desktop, "windows", "edge"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0", .desktop, "macos", "firefox"),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/109.0.0.0", .desktop, "linux", "opera"),
        ("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", .desktop, "chromeos", "chrome"),
        ("Mozilla/5.0 (Linux; Android 12; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/110.0 Mobile Safari/537.36", .mobile, "android", "chrome"),
    ])
    func people(header: String, device: Device, os: String, browser: String) {
        #expect(UserAgentClassifier.classify(header) == UserAgentSummary(device: device, os: os, browser: browser))
    }

    @Test(arguments: [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "googlebot"),
        ("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "googlebot"),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "facebook"),
        ("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "slack"),
        ("WhatsApp/2.23.20.0", "whatsapp"),
        ("TelegramBot (like TwitterBot)", "telegram"),
        ("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "discord"),
        ("Twitterbot/1.0", "twitter"),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36", "headless-chrome"),
        ("curl/7.88.1", "curl"),
        ("Wget/1.21.3", "wget"),
        ("python-requests/2.31.0", "python"),
        ("Python-urllib/3.11", "python"),
        ("Go-http-client/1.1", "go"),
        ("okhttp/4.12.0", "java"),
        ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "bingbot"),
        ("Mozilla/5.0 (compatible; SomeNewCrawler/1.0)", "crawler"),
        ("Mozilla/5.0 (compatible; AcmeBot/3.1)", "other"),
        ("", "unknown"),
        ("my-script", "other"),
    ])
    func bots(header: String, family: String) {
        let summary = UserAgentClassifier.classify(header)
        #expect(summary.device == .bot)
        #expect(summary.browser == family)
    }

    @Test func missingHeaderIsABot() {
        #expect(UserAgentClassifier.classify(nil).device == .bot)
    }
}
