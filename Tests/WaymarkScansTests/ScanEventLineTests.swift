import Foundation
import Testing
import WaymarkCore
@testable import WaymarkScans

/// The log line: DESIGN §7's fields in a fixed order, one line, always valid JSON.
@Suite struct ScanEventLineTests {
    static func event(ref: String? = nil, os: String = "ios", browser: String = "safari") -> ScanEvent {
        ScanEvent(id: "01JD0000000000000000000000", ts: UTCTimestamp("2026-11-21T10:31:02.123Z")!, site: SiteID("acme")!,
                  token: Token("7KQ2MX")!, kind: .scan, ua: UserAgentSummary(device: .mobile, os: os, browser: browser),
                  ref: ref, cc: "US", ih: "9f2c00aa11bb22cc")
    }

    @Test func lineHasTheDesignedKeyOrder() {
        let line = String(decoding: Self.event().line, as: UTF8.self)
        #expect(line == """
        {"v":1,"id":"01JD0000000000000000000000","ts":"2026-11-21T10:31:02.123Z","site":"acme","token":"7KQ2MX","kind":"scan","ua":{"device":"mobile","os":"ios","browser":"safari"},"ref":null,"cc":"US","ih":"9f2c00aa11bb22cc"}

        """)
    }

    @Test(arguments: [
        "quote\"brace}", "back\\slash", "new\nline", "cr\rlf", "tab\t", "nul\u{0}", "bell\u{7}", "del\u{7F}",
        "sep\u{2028}para\u{2029}", "emoji 🦊 and é", "\u{FFFD}replacement", "\"},\"site\":\"evil", "\u{1B}[31mred",
    ])
    func anyStringStaysOnOneLineAndRoundTrips(_ value: String) throws {
        let line = Self.event(ref: value, os: value, browser: value).line
        #expect(line.last == 0x0A)
        #expect(line.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "no raw control bytes inside the line")
        #expect(!String(decoding: line, as: UTF8.self).contains("\u{2028}"))
        let decoded = try JSONDecoder().decode(ScanEvent.self, from: Data(line))
        #expect(decoded.ref == value && decoded.ua.os == value && decoded.ua.browser == value)
        #expect(decoded == Self.event(ref: value, os: value, browser: value))
    }

    @Test func linesReadBackThroughTheReader() {
        let events = [Self.event(), Self.event(ref: "example.com")]
        let contents = ScanLogReader.parse(events.flatMap(\.line))
        #expect(contents.events == events)
        #expect(contents.malformedLines == 0 && !contents.truncatedFinalLine)
    }
}
