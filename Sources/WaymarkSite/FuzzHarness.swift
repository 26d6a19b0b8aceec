import Foundation

/// Runs arbitrary bytes through the content pipeline as a fuzzer would: as a stop file and as a
/// plain page of an otherwise valid in-memory site, loaded, checked and rendered. Whatever the
/// bytes, the result must be diagnostics or pages — never a crash or a hang.
public enum FuzzHarness {
    public static func run(_ input: Data) {
        let site = Data("id: fuzz\ntitle: Fuzz\nbase_url: https://fuzz.example\nraw_html: true\n".utf8)
        let trail = Data("---\ntitle: T\nsummary: S\n---\n".utf8)
        let files = ContentFiles.memory(bytes: [
            "/f/content/fuzz/site.yml": site,
            "/f/content/fuzz/trails/t/index.md": trail,
            "/f/content/fuzz/trails/t/01-s.md": input,
            "/f/content/fuzz/pages/p.md": input,
        ])
        let builder = SiteBuilder(options: .init(root: "/f", today: CalendarDate("2026-01-01")!, files: files))
        _ = try? builder.check()
    }
}
