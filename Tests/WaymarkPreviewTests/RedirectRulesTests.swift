import Testing
@testable import WaymarkPreview

/// `_redirects` read and matched as Netlify and Cloudflare Pages do.
struct RedirectRulesTests {
    let rules = RedirectRules(text: """
    # One hop per scan
    /t/7KQ2MX /t/7KQ2MX/index.html 200
    /t/88X0WK /trails/mill/weir/ 302

    /t/R3T1RD /t/R3T1RD/index.html 410
    /old/* /new/:splat 301!
    /plain /elsewhere
    /country /x 302 Country=us
    """)

    @Test func readsEachRuleWithItsStatus() {
        #expect(rules.rules.count == 5)
        #expect(rules.rules[0] == .init(from: "/t/7KQ2MX", to: "/t/7KQ2MX/index.html", status: 200, force: false))
        #expect(rules.rules[3] == .init(from: "/old/*", to: "/new/:splat", status: 301, force: true))
        #expect(rules.rules[4].status == 301, "Netlify's default status")
    }

    @Test func matchesWithOrWithoutTheTrailingSlash() {
        #expect(rules.rule(for: "/t/88X0WK")?.to == "/trails/mill/weir/")
        #expect(rules.rule(for: "/t/88X0WK/")?.status == 302)
        #expect(rules.rule(for: "/t/88X0W") == nil)
        #expect(rules.rule(for: "/country") == nil, "conditional rules are skipped, not half applied")
    }

    @Test func fillsTheSplat() {
        #expect(rules.rule(for: "/old/a/b.html")?.to == "/new/a/b.html")
        #expect(rules.rule(for: "/old")?.to == "/new/")
    }
}
