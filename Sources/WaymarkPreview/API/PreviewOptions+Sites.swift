import Foundation
import WaymarkCore

public extension PreviewOptions {
    /// The sites of the project at `root` (folders of content/ holding a site.yml), or the ones
    /// named, checked against them. Sites added while serving need a restart.
    static func sites(in root: String, named names: [String]) throws(PreviewError) -> [SiteID] {
        let folder = root + "/content"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let available = entries.sorted().filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/site.yml") }
        guard !available.isEmpty else { throw PreviewError("\(folder): no site found (a site is a folder holding site.yml)") }
        let wanted = names.isEmpty ? available : names
        var sites: [SiteID] = []
        for name in wanted {
            guard available.contains(name), let id = SiteID(name) else {
                throw PreviewError("no site named '\(name)' (sites: \(available.joined(separator: ", ")))")
            }
            if !sites.contains(id) { sites.append(id) }
        }
        return sites
    }
}
