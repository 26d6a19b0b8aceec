import WaymarkCore

extension SiteRenderer {
    /// A pet's public page. Health notes and the owner's private fields are never put in the
    /// context, so no template can print them by mistake.
    func petContext(_ pet: Pet, markdown: MarkdownRenderer) -> [String: Any] {
        var values: [String: Any] = [
            "name": pet.name, "species": pet.species, "lost": pet.lost,
            "body": markdown.html(pet.body, file: pet.source, firstLine: pet.bodyLine, page: pet.path),
            "contact": pet.owner.publicContact.map(contactContext),
            "allergies": pet.allergies, "medications": pet.medications,
            "vaccinations": pet.vaccinations.map(vaccinationContext),
        ]
        for (key, list) in ["contact": pet.owner.publicContact.count, "allergies": pet.allergies.count,
                            "medications": pet.medications.count, "vaccinations": pet.vaccinations.count] {
            values["has_\(key)"] = list > 0
        }
        if let photo = pet.photo, let location = pet.photoLocation {
            values["photo"] = markdown.image(photo, in: pet.source, at: location)
        }
        values["name_latin"] = pet.nameLatin
        values["breed"] = pet.breed
        values["sex"] = pet.sex?.rawValue
        values["colour"] = pet.colour
        values["birthdate"] = pet.birthdate?.description
        values["lost_since"] = pet.lostSince?.description
        values["lost_area"] = pet.lostArea
        return [
            "pet": values,
            "today": input.today.description,
            "page": input.pageContext(title: pet.name, description: nil, path: nil, noindex: true),
        ]
    }

    private func contactContext(_ entry: (field: Owner.Field, value: String)) -> [String: Any] {
        var context: [String: Any] = ["value": entry.value, entry.field.rawValue: true]
        if entry.field == .phone {
            context["phone_link"] = entry.value.filter { $0.isNumber || $0 == "+" }
        }
        return context
    }

    private func vaccinationContext(_ vaccination: Vaccination) -> [String: Any] {
        let state = VaccinationState(expires: vaccination.expires, today: input.today)
        var context: [String: Any] = ["name": vaccination.name, "state": state.rawValue, state.rawValue: true]
        context["date"] = vaccination.date?.description ?? "—"
        context["expires"] = vaccination.expires?.description ?? "—"
        context["vet"] = vaccination.vet
        return context
    }
}
