import Foundation
import WaymarkCore
import WaymarkScans
import WaymarkTestSupport

/// A manifest of two sites and a running server writing to a fresh logs folder.
struct IngestFixture {
    static let hollowcreekOrigin = "https://trails.hollowcreek.example"
    static let pawprintOrigin = "https://pets.pawprint.example"
    static let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"

    let folder: String
    let server: IngestServer
    var logs: String { server.logs }

    static func manifest(extraToken: String? = nil) -> Manifest {
        let hollowcreek = SiteID("hollowcreek")!, pawprint = SiteID("pawprint")!
        var tokens: [String: Manifest.Entry] = [
            "88X0WK": .init(site: hollowcreek, kind: .stop, status: .active, target: "https://trails.hollowcreek.example/trails/mill/weir/",
                            payload: "https://hc.example/t/88X0WK", title: "The Weir", source: "content/hollowcreek/trails/mill/01-weir.md"),
            "7KQ2MX": .init(site: hollowcreek, kind: .stop, status: .active, target: "https://trails.hollowcreek.example/trails/mill/dye-house/",
                            payload: "https://hc.example/t/7KQ2MX", title: "The Dye House", source: "content/hollowcreek/trails/mill/02-dye-house.md"),
            "R3T1RD": .init(site: hollowcreek, kind: .stop, status: .retired, target: "https://trails.hollowcreek.example/retired/",
                            payload: "https://hc.example/t/R3T1RD", title: "Old Bridge", source: "content/hollowcreek/trails/mill/03-bridge.md"),
            "13TVGJFY9W": .init(site: pawprint, kind: .pet, status: .active, target: "https://pets.pawprint.example/pets/otis/",
                                payload: "https://pets.pawprint.example/t/13TVGJFY9W/", title: "Otis", source: "content/pawprint/pets/otis.md"),
        ]
        if let extraToken {
            tokens[extraToken] = .init(site: hollowcreek, kind: .stop, status: .active, target: "https://trails.hollowcreek.example/new/",
                                       payload: "https://hc.example/t/\(extraToken)", title: "New", source: "content/hollowcreek/new.md")
        }
        return Manifest(sites: [
            "hollowcreek": .init(title: "Hollow Creek", baseURL: "https://trails.hollowcreek.example", shortURL: "https://hc.example",
                                 beaconURL: "https://scan.hollowcreek.example/b"),
            "pawprint": .init(title: "Pawprint", baseURL: "https://pets.pawprint.example", beaconURL: "https://scan.pawprint.example/b"),
        ], tokens: tokens)
    }

    /// Writes the manifest and a salt file into a fresh folder and starts the server there.
    init(_ arguments: [String] = [], manifest: Manifest = IngestFixture.manifest(), environment: [String: String] = [:],
         fileSizeLimit: Int? = nil, openFilesLimit: Int? = nil, logs: String? = nil) throws {
        folder = try WaymarkBinary.temporaryFolder()
        try manifest.encoded().write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        try "a-test-secret-of-enough-length\n".write(toFile: folder + "/salt", atomically: true, encoding: .utf8)
        server = try IngestServer(manifest: folder + "/manifest.json", logs: logs ?? folder + "/logs",
                                  arguments: ["--salt-file", folder + "/salt", "--rate", "off"] + arguments,
                                  environment: environment, fileSizeLimit: fileSizeLimit, openFilesLimit: openFilesLimit)
    }

    /// Every log file below `logs`, relative path → its parsed contents.
    static func logFiles(_ logs: String) -> [String: ScanLogReader.Contents] {
        var files: [String: ScanLogReader.Contents] = [:]
        for (path, data) in WaymarkBinary.snapshot(logs) where path.hasSuffix(".ndjson") {
            files[path] = ScanLogReader.parse(data)
        }
        return files
    }

    func events() -> [ScanEvent] { Self.logFiles(logs).values.flatMap(\.events) }

    /// The raw bytes of all log files, concatenated in path order.
    func rawLog() -> String {
        WaymarkBinary.snapshot(logs).filter { $0.key.hasSuffix(".ndjson") }.sorted { $0.key < $1.key }
            .map { String(decoding: $0.value, as: UTF8.self) }.joined()
    }

    func scan(_ token: String, host: String = "hc.example", headers: [(String, String)] = []) throws -> HTTPReply {
        try server.get("/t/\(token)", headers: [("Host", host), ("User-Agent", Self.iPhone)] + headers)
    }

    func beacon(site: String = "hollowcreek", token: String, ref: String? = nil, origin: String = IngestFixture.hollowcreekOrigin) throws -> HTTPReply {
        let refJSON = ref.map { "\"\($0)\"" } ?? "null"
        return try server.post("/b", body: "{\"site\":\"\(site)\",\"token\":\"\(token)\",\"ref\":\(refJSON)}",
                               headers: [("Origin", origin), ("User-Agent", Self.iPhone)])
    }
}
