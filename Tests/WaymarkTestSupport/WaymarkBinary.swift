import Foundation

/// Runs the real `waymark` executable built beside the test bundle, as a user would.
public enum WaymarkBinary {
    /// The repository root: this file is Tests/WaymarkTestSupport/WaymarkBinary.swift.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    public static var path: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("waymark").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return repository + "/.build/debug/waymark"
    }

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs waymark, or `program` (with waymark's environment) when one is named.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], program: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program ?? path)
        process.arguments = arguments
        if program != nil { process.standardInput = FileHandle.nullDevice }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["SOURCE_DATE_EPOCH"] = "1795000000"
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    public static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "waymark-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies the repository's example project (content/ and templates/) into a fresh folder.
    public static func exampleProject() throws -> String {
        let folder = try temporaryFolder()
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: "\(repository)/\(name)", toPath: "\(folder)/\(name)")
        }
        return folder
    }

    /// Every regular file below `folder`, by relative path, with its bytes.
    public static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: "\(folder)/\(path)")
            }
        }
        return files
    }
}
