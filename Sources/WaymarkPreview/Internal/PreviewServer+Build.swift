import Foundation
import WaymarkCore
import WaymarkSite

extension PreviewServer {
    /// Checks and renders in memory and publishes the result: new pages, or the error page.
    func build(changed paths: [String]) {
        let start = ContinuousClock.now
        // Editors and `sed -i` save through a temporary file that is gone by now: name the real ones.
        let existing = paths.filter { FileManager.default.fileExists(atPath: "\(options.root)/\($0)") }
        let changed = existing.isEmpty ? paths : existing
        let builder = SiteBuilder(options: .init(root: options.root, only: Set(options.sites.map(\.rawValue))))
        let build: PreviewBuild
        do {
            let result = try builder.check()
            var sites: [SiteID: PreviewSite] = [:]
            for id in options.sites {
                guard let output = result.rendered[id] else { continue }
                sites[id] = PreviewSite(id: id, output: output, manifest: result.manifest)
            }
            let reloaded = state.publish(sites)
            build = PreviewBuild(changed: changed, diagnostics: result.diagnostics, succeeded: true, reloaded: reloaded, duration: ContinuousClock.now - start)
        } catch {
            let root = options.root
            let overlay = ErrorOverlay(diagnostics: error.diagnostics) { path in
                try? String(contentsOfFile: path.hasPrefix("/") ? path : "\(root)/\(path)", encoding: .utf8)
            }
            let reloaded = state.publish(overlay, for: options.sites)
            build = PreviewBuild(changed: changed, diagnostics: error.diagnostics, succeeded: false, reloaded: reloaded, duration: ContinuousClock.now - start)
        }
        report(.built(build))
    }

    func pathPrefix(of site: SiteID) -> String { state.snapshot.sites[site]?.pathPrefix ?? "" }

    func makeWatcher() -> any ContentWatcher {
        #if canImport(Glibc)
        if options.watchMode == .automatic, let watcher = InotifyWatcher(root: options.root) { return watcher }
        #endif
        return PollingWatcher(root: options.root, interval: options.pollInterval)
    }
}
