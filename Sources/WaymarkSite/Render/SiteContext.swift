import WaymarkCore


extension RenderInput {
    /// Values every page of the site can use under `site.`.
    func siteContext(css: String) -> [String: Any] {
        var context: [String: Any] = [
            "id": config.id.rawValue,
            "title": config.title,
            "lang": config.lang,
            "home": link("/"),
            "trails_url": link("/trails/"),
            "has_trails": !site.trails.isEmpty,
            "has_pages": !site.pages.isEmpty,
            "css": css,
            "pages": site.pages.map { ["title": $0.title, "url": link($0.path), "summary": $0.summary as Any] },
        ]
        context["description"] = config.description
        context["beacon_url"] = config.beaconURL
        return context
    }

    /// Values for the page being rendered, under `page.`.
    func pageContext(title: String?, description: String?, path: String?, noindex: Bool = false) -> [String: Any] {
        var context: [String: Any] = ["noindex": noindex]
        context["title"] = title
        context["description"] = description
        context["canonical"] = path.map { config.baseURL.absolute($0) }
        return context
    }


    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
