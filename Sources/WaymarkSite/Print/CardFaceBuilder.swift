import Foundation
import WaymarkCore

/// Turns a site's stops and pets into faces by rendering the card templates: the words printed
/// on a card come from templates/ (overridable per project), never from Swift.
struct CardFaceBuilder {
    let site: Site
    let templates: TemplateSet
    /// Token → payload, as the manifest records it: the printed code is the one the build serves.
    let payloads: [Token: String]
    /// The day vaccination states are worked out for.
    let today: CalendarDate

    func stopCards(_ trail: Trail) throws(DiagnosticsError) -> [CardFace] {
        var faces: [CardFace] = []
        for (index, stop) in trail.stops.enumerated() {
            let context: [String: Any] = [
                "site": siteContext,
                "trail": ["title": e(trail.title), "slug": trail.slug, "region": e(trail.region)],
                "stop": ["number": String(index + 1), "title": e(stop.title), "prompt": e(stop.prompt), "summary": e(stop.summary)],
            ].merging(codeContext(stop.token)) { a, _ in a }
            faces += try render(.stop, context, token: stop.token)
        }
        return faces
    }

    func petTags(_ pets: [Pet]) throws(DiagnosticsError) -> [CardFace] {
        var faces: [CardFace] = []
        for pet in pets {
            // Only what the owner made public goes on a tag.
            var owner: [String: Any] = [:]
            for (field, value) in pet.owner.publicContact { owner[field.rawValue] = e(value) }
            let context: [String: Any] = ["site": siteContext, "pet": petContext(pet), "owner": owner]
                .merging(codeContext(pet.token)) { a, _ in a }
            faces += try render(.petTag, context, token: pet.token)
        }
        return faces
    }

    /// The passport's pages: the owner's own document, so every owner field is there, and the
    /// private health notes, which no other output carries.
    func passport(_ pet: Pet) throws(DiagnosticsError) -> [CardFace] {
        let owner: [String: Any] = ["name": e(pet.owner.name), "phone": e(pet.owner.phone), "email": e(pet.owner.email)]
        let vaccinations: [[String: Any]] = pet.vaccinations.map { vaccination in
            let state = VaccinationState(expires: vaccination.expires, today: today)
            return [
                "name": e(vaccination.name), "date": vaccination.date?.description ?? "", "expires": vaccination.expires?.description ?? "",
                "vet": e(vaccination.vet), "state": state.rawValue,
                "expired": state == .expired, "expiring": state == .expiring,
            ]
        }
        let context: [String: Any] = [
            "site": siteContext, "pet": petContext(pet), "owner": owner,
            "vaccinations": vaccinations, "has_vaccinations": !vaccinations.isEmpty,
            "allergies": pet.allergies.map(e), "has_allergies": !pet.allergies.isEmpty,
            "medications": pet.medications.map(e), "has_medications": !pet.medications.isEmpty,
            "health_notes": e(pet.healthNotes), "today": today.description,
        ].merging(codeContext(pet.token)) { a, _ in a }
        return try render(.passport, context, token: pet.token)
    }
}

private extension CardFaceBuilder {
    var siteContext: [String: Any] { ["title": e(site.config.title), "id": site.id.rawValue] }

    func petContext(_ pet: Pet) -> [String: Any] {
        [
            "name": e(pet.name), "name_latin": e(pet.nameLatin), "species": e(pet.species), "breed": e(pet.breed),
            "birthdate": pet.birthdate?.description ?? "", "sex": pet.sex?.rawValue ?? "", "colour": e(pet.colour),
            "microchip": e(pet.microchip), "slug": pet.slug,
        ]
    }

    func codeContext(_ token: Token) -> [String: Any] {
        let payload = payloads[token] ?? ""
        // What a finder types when they do not scan: the payload without its scheme.
        let short = payload.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        return ["token": token.rawValue, "payload": e(payload), "short_url": e(short)]
    }

    func render(_ kind: CardKind, _ context: [String: Any], token: Token) throws(DiagnosticsError) -> [CardFace] {
        let text = try CardText.parse(templates.render(kind.template, context), template: "templates/\(kind.template).mustache")
        return text.pages.map { CardFace(kind: kind, blocks: $0, token: token, payload: payloads[token]) }
    }

    /// Escapes a value for the card text format; nil becomes empty (the line is then left out).
    func e(_ value: String?) -> String { CardText.escape(value ?? "") }
}
