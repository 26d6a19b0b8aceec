import Testing
@testable import WaymarkScans

/// Reading tolerates what a crash or a bad copy leaves: damaged lines are skipped and counted.
@Suite struct ScanLogReaderTests {
    let good = ScanEventLineTests.event().line

    @Test func truncatedFinalLineIsSkippedAndCounted() {
        let data = good + good + good.prefix(40)
        let contents = ScanLogReader.parse(data)
        #expect(contents.events.count == 2)
        #expect(contents.truncatedFinalLine)
        #expect(contents.malformedLines == 0)
        #expect(contents.completeBytes == good.count * 2)
    }

    @Test func malformedLinesAreSkippedAndCounted() {
        let data = good + Array("not json\n".utf8) + Array("{\"v\":2}\n".utf8) + Array("\n".utf8) + good
        let contents = ScanLogReader.parse(data)
        #expect(contents.events.count == 2)
        #expect(contents.malformedLines == 3)
        #expect(!contents.truncatedFinalLine)
    }

    @Test func unknownSchemaVersionsAndBadHashesAreRefused() {
        var event = ScanEventLineTests.event()
        event.v = 2
        #expect(ScanLogReader.decodeLine(event.line.dropLast()) == nil)
        event.v = 1
        event.ih = "ZZZZ"
        #expect(ScanLogReader.decodeLine(event.line.dropLast()) == nil)
    }
}
