import WaymarkCore

extension SiteRenderer {
    func trailSummary(_ trail: Trail) -> [String: Any] {
        var context: [String: Any] = [
            "title": trail.title, "summary": trail.summary, "url": input.link(trail.path), "stop_count": trail.stops.count,
        ]
        context["distance_km"] = trail.distanceKm.map(RenderInput.number)
        context["difficulty"] = trail.difficulty?.rawValue
        context["duration_min"] = trail.durationMinutes
        context["region"] = trail.region
        return context
    }

    func trailContext(_ trail: Trail, markdown: MarkdownRenderer) -> [String: Any] {
        var context = trailSummary(trail)
        context["body"] = markdown.html(trail.body, file: trail.source, firstLine: trail.bodyLine, page: trail.path)
        context["stops"] = trail.stops.map { ["title": $0.title, "summary": $0.summary as Any, "url": input.link($0.path(in: trail))] }
        return ["trail": context, "page": input.pageContext(title: trail.title, description: trail.summary, path: trail.path)]
    }

    func stopContext(_ stop: Stop, at index: Int, in trail: Trail, markdown: MarkdownRenderer) -> [String: Any] {
        func neighbour(_ offset: Int) -> [String: Any]? {
            let position = index + offset
            guard trail.stops.indices.contains(position) else { return nil }
            let other = trail.stops[position]
            return ["title": other.title, "url": input.link(other.path(in: trail)), "number": position + 1]
        }
        let latitude = String(stop.latitude), longitude = String(stop.longitude)
        var stopValues: [String: Any] = [
            "number": index + 1, "title": stop.title,
            "body": markdown.html(stop.body, file: stop.source, firstLine: stop.bodyLine, page: stop.path(in: trail)),
            "lat": latitude, "lon": longitude,
            "map_url": "https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=17/\(latitude)/\(longitude)",
        ]
        stopValues["summary"] = stop.summary
        var context: [String: Any] = [
            "stop": stopValues,
            "trail": ["title": trail.title, "url": input.link(trail.path), "stop_count": trail.stops.count],
            "page": input.pageContext(title: stop.title, description: stop.summary, path: stop.path(in: trail)),
        ]
        context["prev"] = neighbour(-1)
        context["next"] = neighbour(1)
        return context
    }
}
