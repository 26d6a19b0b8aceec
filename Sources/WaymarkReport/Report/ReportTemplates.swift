import Mustache

/// The report's Mustache templates, compiled into the binary (Sources/WaymarkReport/Templates).
/// Every word a reader sees is in them; the Swift code hands over numbers and names only.
struct ReportTemplates: Sendable {
    private let library: MustacheLibrary

    static let files: [String: [UInt8]] = [
        "report-site": PackageResources.report_site_mustache,
        "report-trail": PackageResources.report_trail_mustache,
        "report-index": PackageResources.report_index_mustache,
        "report-head": PackageResources.report_head_mustache,
        "report-columns": PackageResources.report_columns_mustache,
        "report-bars": PackageResources.report_bars_mustache,
    ]

    init() throws {
        var library = MustacheLibrary()
        for (name, bytes) in Self.files.sorted(by: { $0.key < $1.key }) {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
