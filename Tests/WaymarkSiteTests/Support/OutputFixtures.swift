import Foundation
@testable import WaymarkSite

/// Helpers for the output writer's tests: an empty folder of their own, and trees from text.
enum OutputFixtures {
    /// A new empty folder under the temporary folder.
    static func folder(_ prefix: String = "waymark-writer-") throws -> String {
        let path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A tree holding each path with its text.
    static func tree(_ files: [String: String]) -> OutputTree {
        var tree = OutputTree()
        for (path, text) in files { tree.add(path, text) }
        return tree
    }
}
