import Foundation
import WaymarkScans

/// One log file found under the logs folder, in its hive partition.
struct LogFile: Sendable {
    /// Relative to the logs folder: `site=<id>/date=YYYY-MM-DD/<node>-<seq>.ndjson`.
    var path: String
    /// The `site=` value of its folder (not validated: a bad folder still has lines to count).
    var site: String
    /// The `date=` value, when it is a valid day.
    var day: UTCDay?
    var size: Int

    /// Every `*.ndjson` file two levels down in `site=…/date=…` folders, sorted by path so runs
    /// are repeatable. Partitions dated before `since` are left out.
    static func list(in root: String, since: UTCDay?) -> [LogFile] {
        let manager = FileManager.default
        var files: [LogFile] = []
        for siteFolder in (try? manager.contentsOfDirectory(atPath: root)) ?? [] where siteFolder.hasPrefix("site=") {
            let site = String(siteFolder.dropFirst(5))
            for dateFolder in (try? manager.contentsOfDirectory(atPath: "\(root)/\(siteFolder)")) ?? [] where dateFolder.hasPrefix("date=") {
                let day = UTCDay(String(dateFolder.dropFirst(5)))
                if let since, let day, day < since { continue }
                let folder = "\(siteFolder)/\(dateFolder)"
                for name in (try? manager.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? [] where name.hasSuffix(".ndjson") {
                    var info = stat()
                    guard stat("\(root)/\(folder)/\(name)", &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                    files.append(LogFile(path: "\(folder)/\(name)", site: site, day: day, size: Int(info.st_size)))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The partition folder: the unit one worker reads.
    var folder: String { String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
}
