import Foundation
import WaymarkCore

/// Writes report files, each only when its bytes differ from what is there (a re-run on the
/// same logs then touches nothing), through a temporary file and a rename (never half a page).
struct ReportWriter {
    var root: String
    private(set) var written: [String] = []

    init(root: String) { self.root = root }

    mutating func write(_ text: String, to relative: String) throws {
        let path = "\(root)/\(relative)"
        let bytes = Data(text.utf8)
        if FileManager.default.contents(atPath: path) == bytes { return }
        try FileManager.default.createDirectory(atPath: PathText.parent(of: path), withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        written.append(relative)
    }
}
