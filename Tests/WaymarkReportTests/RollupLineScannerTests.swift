import Foundation
import Testing
import WaymarkCore
import WaymarkScans
@testable import WaymarkReport

/// The fast line path must agree with `ScanLogReader.decodeLine` (JSONDecoder) on every line
/// `ScanEvent.line` can write, and hand anything unusual to it.
@Suite struct RollupLineScannerTests {
    static func event(ref: String?, cc: String?, browser: String = "safari", device: UserAgentSummary.Device = .mobile) -> ScanEvent {
        ScanEvent(id: "01JD3R4Q8X0000000000000000", ts: UTCTimestamp("2026-11-21T10:31:02.123Z")!, site: SiteID("acme")!,
                  token: Token("7KQ2MX")!, kind: .beacon, ua: UserAgentSummary(device: device, os: "ios", browser: browser),
                  ref: ref, cc: cc, ih: "9f2c0123456789ab")
    }

    static func scan(_ line: [UInt8]) -> (LineScanner.Outcome, EventFields?) {
        var scanner = LineScanner()
        return line.withUnsafeBufferPointer { buffer in
            let outcome = scanner.scan(buffer.baseAddress!, count: buffer.count - 1)
            guard case let .event(scanned) = outcome else { return (outcome, nil) }
            let run = UnsafeBufferPointer(rebasing: buffer[scanned.fieldsStart..<scanned.fieldsEnd])
            return (outcome, EventFields(canonical: run))
        }
    }

    @Test(arguments: [(String?.none, String?.none), ("www.google.com", "GB"), (nil, "US"), ("bücher.example", nil)])
    func canonicalLinesTakeTheFastPath(ref: String?, cc: String?) throws {
        let event = Self.event(ref: ref, cc: cc)
        let (outcome, fields) = Self.scan(event.line)
        guard case let .event(scanned) = outcome else { Issue.record("not the fast path"); return }
        #expect(scanned.day == event.ts.day.daysSinceEpoch && scanned.hour == 10 && scanned.ih == 0x9f2c_0123_4567_89ab)
        #expect(scanned.idHash == ByteHash.hash(Array(event.id.utf8)))
        #expect(fields == EventFields(site: "acme", token: "7KQ2MX", kind: "beacon", device: "mobile", os: "ios", browser: "safari", ref: ref, cc: cc))
    }

    @Test func escapesGoToTheSlowPath() {
        let line = Self.event(ref: "evil\"host\u{2028}", cc: nil).line
        let (outcome, fields) = Self.scan(line)
        // The id and timestamp parse, but the field run holds escapes: not decodable here.
        if case .event = outcome { #expect(fields == nil) } else { Issue.record("expected the field run to be refused") }
        #expect(ScanLogReader.decodeLine(line.dropLast())?.ref == "evil\"host\u{2028}")
    }

    @Test func invalidContentIsMalformedOrRefused() {
        let badDay = Array(String(decoding: Self.event(ref: nil, cc: nil).line, as: UTF8.self).replacingOccurrences(of: "2026-11-21", with: "2026-02-30").utf8)
        if case .malformed = Self.scan(badDay).0 {} else { Issue.record("30 February accepted") }
        let badToken = Array(String(decoding: Self.event(ref: nil, cc: nil).line, as: UTF8.self).replacingOccurrences(of: "7KQ2MX", with: "7KQ2MO").utf8)
        #expect(Self.scan(badToken).1 == nil)
        #expect(ScanLogReader.decodeLine(badToken.dropLast()) == nil)
        let badDevice = Array(String(decoding: Self.event(ref: nil, cc: nil).line, as: UTF8.self).replacingOccurrences(of: "mobile", with: "phone").utf8)
        #expect(Self.scan(badDevice).1 == nil)
        let upperHash = Array(String(decoding: Self.event(ref: nil, cc: nil).line, as: UTF8.self).replacingOccurrences(of: "9f2c", with: "9F2C").utf8)
        if case .malformed = Self.scan(upperHash).0 {} else { Issue.record("upper-case hash accepted") }
    }
}
