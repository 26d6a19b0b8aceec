/// The live-reload channel: a Server-Sent Events stream per site and the small script that the
/// preview (and only the preview) adds to every HTML page it serves.
///
/// The stream sends the site's version when a tab connects and whenever it changes; the script
/// reloads when that differs from the version its page was served at. Comparing, rather than
/// reacting to a bare "reload", also covers a rebuild that lands between the page load and the
/// stream connecting, and a restarted server (EventSource reconnects by itself, sees a new version).
enum LiveReloadScript {
    static let eventsPath = "/__waymark/events"

    static func tag(version: String) -> String {
        "<script data-waymark-live-reload>(function(){if(!window.EventSource)return;var v=\"\(version)\","
            + "s=new EventSource(\"\(eventsPath)\");s.addEventListener(\"version\",function(e){"
            + "if(e.data!==v){s.close();location.reload()}})})();</script>\n"
    }

    /// `html` with the script placed before its last `</body>` (or at the end when it has none).
    static func inject(into html: [UInt8], version: String) -> [UInt8] {
        let script = Array(tag(version: version).utf8)
        guard let index = lastBodyClose(in: html) else { return html + script }
        return Array(html[..<index]) + script + Array(html[index...])
    }

    /// One stream message: the site's current version.
    static func message(version: String) -> String { "event: version\ndata: \(version)\n\n" }

    /// Sent first: how soon to reconnect after the server goes away (a restart, a laptop waking).
    static let preamble = "retry: 1000\n\n"

    /// A comment line, so a tab that closed is noticed by a failed write.
    static let keepAlive = ": keep-alive\n\n"

    private static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        var index = html.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count where html[index + offset] | 0x20 != needle[offset] | 0x20 {
                matches = false
                break
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }
}
