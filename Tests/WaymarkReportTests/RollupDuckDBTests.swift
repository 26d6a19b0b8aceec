import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkReport

/// `sql/rollup.sql`, run by DuckDB (PyPI `duckdb`) on a generated log set, gives exactly the rows
/// of the rollup database: per site, day and dimension (token among them) and key.
@Suite struct RollupDuckDBTests {
    @Test func sqlRollupEqualsTheReportsRollup() throws {
        let sandbox = try ReportSandbox()
        let generator = "\(WaymarkBinary.repository)/bench/report/generate.py"
        let generated = try Self.python([generator, "--out", sandbox.logs, "--events", "30000", "--days", "5", "--seed", "11"])
        #expect(generated.status == 0, "\(generated.output)")
        // Damage of the kinds the rollup must skip alike: a malformed line, a truncated one, a bad token.
        try sandbox.append("not json\n", to: "site=site1/date=2026-10-02/node1-1.ndjson")
        try sandbox.append(ReportSandbox.line(id: "bad-token", ts: "2026-10-02T10:00:00.000Z", site: "site1", token: "0OPS0O"),
                           to: "site=site1/date=2026-10-02/node2-1.ndjson")
        try sandbox.append(ReportSandbox.line(id: "stray", ts: "2026-10-05T00:00:00.001Z", site: "site2", token: "STRAY1"),
                           to: "site=site2/date=2026-10-04/node1-1.ndjson")
        try sandbox.append(String(ReportSandbox.line(id: "cut", ts: "2026-10-03T10:00:00.000Z", site: "site3").prefix(60)),
                           to: "site=site3/date=2026-10-03/node1-1.ndjson")
        let (run, _) = try sandbox.run()
        #expect(run.malformedLines == 2 && run.truncatedLines == 1 && run.duplicates > 0 && run.newBots > 0)

        let script = """
        import duckdb, os, sys
        os.chdir(sys.argv[1])
        for row in duckdb.connect().execute(open(sys.argv[2]).read()).fetchall():
            print(*row)
        """
        let duck = try Self.python(["-c", script, sandbox.folder, "\(WaymarkBinary.repository)/sql/rollup.sql"])
        // Not a skip: without DuckDB this check has not run, and that must show as a failure.
        try #require(duck.status == 0, "DuckDB failed (pip install duckdb): \(duck.output)")
        let expected = duck.output.split(separator: "\n").map(String.init)
        let actual = try sandbox.rollupRows()
        #expect(actual.count == expected.count)
        #expect(actual == expected)
        #expect(actual.contains { $0.contains(" token STRAY1 1") })
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
