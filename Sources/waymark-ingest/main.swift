import Foundation
import Logging

// waymark-ingest: the beacon and edge-redirect server. Everything lives in IngestServer.
LoggingSystem.bootstrap { LogfmtLogHandler(label: $0) }
let logger = Logger(label: "waymark-ingest")

let options: IngestOptions
do {
    options = try IngestOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
} catch {
    if !error.description.isEmpty { FileHandle.standardError.write(Data("error: \(error.description)\n\n".utf8)) }
    FileHandle.standardError.write(Data((IngestOptions.usage + "\n").utf8))
    exit(error.description.isEmpty ? 0 : 64)
}

do {
    try IngestServer(options: options, logger: logger).run()
} catch {
    logger.critical("cannot start", metadata: ["error": "\(error.description)"])
    exit(1)
}
