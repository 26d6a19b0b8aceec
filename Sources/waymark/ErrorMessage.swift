import ArgumentParser
import Foundation

/// What a command prints for an error that is not a diagnostic. A file error from Foundation
/// describes itself as a dump of its user-info dictionary ("Error Domain=NSCocoaErrorDomain
/// Code=4 … UserInfo={…}"); it is printed as its file and the system's reason instead. Other
/// errors say what they say (`LocalizedError`s their localized description).
enum ErrorMessage {
    /// Prints `error: <text><hint>` on stderr; returns the exit code for the command to throw.
    static func report(_ error: any Error, hint: String = "") -> ExitCode {
        FileHandle.standardError.write(Data("error: \(text(for: error))\(hint)\n".utf8))
        return .failure
    }

    static func text(for error: any Error) -> String {
        if error is LocalizedError, !(error is CocoaError) { return error.localizedDescription }
        let system = error as NSError
        guard system.domain == NSCocoaErrorDomain,
              let file = system.userInfo[NSFilePathErrorKey] as? String ?? (system.userInfo[NSURLErrorKey] as? URL)?.path else {
            return "\(error)"
        }
        if let underlying = (system.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }), underlying.domain == NSPOSIXErrorDomain {
            return "\(file): \(String(cString: strerror(Int32(underlying.code))))"
        }
        return "\(file): \(system.localizedDescription)"
    }
}
