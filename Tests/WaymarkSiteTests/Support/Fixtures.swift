import Foundation
import WaymarkCore
@testable import WaymarkSite

/// Shared helpers for the site tests: fixture folders and small in-memory projects.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A fixed day, so vaccination states in goldens do not change with the calendar.
    static let today = CalendarDate("2026-11-22")!

    /// Every diagnostic a check of the project at `root` produces, as printed one-line text.
    static func diagnostics(root: String, files: ContentFiles = .disk) -> [String] {
        let builder = SiteBuilder(options: .init(root: root, today: today, files: files))
        do {
            return try builder.check().diagnostics.sorted { $0.location < $1.location }.map(\.description)
        } catch {
            return error.diagnostics.sorted { $0.location < $1.location }.map(\.description)
        }
    }

    /// Checks and renders an in-memory project whose paths are relative to `/p`.
    static func render(_ files: [String: String], only: Set<String> = []) throws -> SiteBuilder.Result {
        let memory = ContentFiles.memory(Dictionary(uniqueKeysWithValues: files.map { ("/p/\($0.key)", $0.value) }))
        return try SiteBuilder(options: .init(root: "/p", only: only, today: today, files: memory)).check()
    }

    static let siteYAML = """
    id: acme
    title: Acme Trails
    lang: en-GB
    base_url: https://acme.example/walks
    short_url: https://ac.example
    host: generic
    """

    static func stop(_ title: String, token: String, extra: String = "") -> String {
        "---\ntitle: \(title)\ntoken: \(token)\nlat: 51.5\nlon: -2.5\n\(extra)---\nThe story of \(title).\n"
    }
}
