import Foundation
import NIOConcurrencyHelpers
import Synchronization
import WaymarkCore

/// Holds the current `SiteDirectory` and swaps it on reload; a manifest that fails to load
/// leaves the previous one in place.
final class ManifestStore: Sendable {
    struct LoadError: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    let path: String
    private let state: NIOLockedValueBox<(directory: SiteDirectory, lastError: LoadError?)>
    /// Bumped (under the lock) by every successful reload. Readers that keep a directory
    /// (`ConnectionMemo`) check this one atomic per request instead of taking the lock, which
    /// every event loop would share.
    private let currentGeneration = Atomic<Int>(0)

    init(path: String) throws(LoadError) {
        self.path = path
        state = NIOLockedValueBox((try Self.load(path), nil))
    }

    var directory: SiteDirectory { state.withLockedValue { $0.directory } }

    /// The directory and the generation it belongs to, read together.
    var snapshot: (directory: SiteDirectory, generation: Int) {
        state.withLockedValue { ($0.directory, currentGeneration.load(ordering: .relaxed)) }
    }

    /// Which directory is current: a kept one is still good while this is its generation.
    var generation: Int { currentGeneration.load(ordering: .acquiring) }

    /// The error of the last reload, if it failed (cleared by a successful one).
    var lastError: LoadError? { state.withLockedValue { $0.lastError } }

    /// Re-reads the file. On failure the old directory stays and the error is returned.
    @discardableResult
    func reload() -> Result<SiteDirectory, LoadError> {
        do {
            let directory = try Self.load(path)
            state.withLockedValue {
                $0 = (directory, nil)
                currentGeneration.add(1, ordering: .releasing)
            }
            return .success(directory)
        } catch {
            state.withLockedValue { $0.lastError = error }
            return .failure(error)
        }
    }

    private static func load(_ path: String) throws(LoadError) -> SiteDirectory {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(path: path, message: "cannot read: \((error as NSError).localizedDescription)")
        }
        do {
            return try SiteDirectory(try Manifest.decode(data))
        } catch let problem as SiteDirectory.Problem {
            throw LoadError(path: path, message: problem.description)
        } catch let DecodingError.dataCorrupted(context) {
            throw LoadError(path: path, message: "invalid manifest: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw LoadError(path: path, message: "invalid manifest: missing '\(key.stringValue)' at \(Self.describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw LoadError(path: path, message: "invalid manifest: wrong type at \(Self.describe(context.codingPath))")
        } catch {
            throw LoadError(path: path, message: "invalid manifest: \(error)")
        }
    }

    private static func describe(_ path: [CodingKey]) -> String {
        path.isEmpty ? "top level" : path.map(\.stringValue).joined(separator: ".")
    }
}
