import Foundation
import WaymarkCore
import WaymarkPreview

/// What `waymark serve` prints as it runs: addresses, rebuilds and beacons on stdout (a line at a
/// time, unbuffered), diagnostics on stderr exactly as `waymark build` prints them.
struct ServeOutput: Sendable {
    let root: String

    func show(_ event: PreviewEvent) {
        switch event {
        case let .listening(site, url):
            line("serving \(site) at \(url)")
        case let .watching(folders, method):
            line("watching \(folders.map { $0 + "/" }.joined(separator: " and ")) (\(method)); press Ctrl-C to stop")
        case let .built(build):
            DiagnosticOutput.print(build.diagnostics, root: root, summary: !build.succeeded)
            line(summary(of: build))
        case let .beacon(beacon):
            let from = beacon.referrer.map { " from \($0)" } ?? ""
            let instead = beacon.beaconURL.map { " (preview: not sent to \($0))" } ?? ""
            line("beacon: \(beacon.site) token \(beacon.token)\(from)\(instead)")
        }
    }

    private func summary(of build: PreviewBuild) -> String {
        let changed = build.changed.isEmpty ? "" : " after " + build.changed.prefix(2).joined(separator: ", ")
            + (build.changed.count > 2 ? " and \(build.changed.count - 2) more" : "")
        let verb = build.changed.isEmpty ? "built" : "rebuilt"
        guard build.succeeded else {
            return "build failed in \(build.milliseconds) ms\(changed): the browser shows the errors until the next good build"
        }
        let reloaded = build.reloaded.isEmpty ? "no page changed" : "reloading \(build.reloaded.map(\.rawValue).joined(separator: ", "))"
        return "\(verb) in \(build.milliseconds) ms\(changed): \(build.changed.isEmpty ? "ready" : reloaded)"
    }

    private func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
