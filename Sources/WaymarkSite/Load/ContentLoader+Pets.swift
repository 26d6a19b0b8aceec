import WaymarkCore

extension ContentLoader {
    func loadPets(site: String, sink: DiagnosticSink, progress: ProgressCounter) -> [Pet] {
        let folder = "\(site)/pets"
        let batches = Parallel.slices(markdownFiles(in: folder) ?? [], size: 64)
        return sink.collect(Parallel.map(batches) { batch in
            defer { progress.tick(batch.count) }
            return DiagnosticSink.capturing { local in batch.compactMap { loadPet(path: "\(folder)/\($0)", slug: String($0.dropLast(3)), sink: local) } }
        }).flatMap { $0 }
    }

    private func loadPet(path: String, slug: String, sink: DiagnosticSink) -> Pet? {
        guard let source = text(path, sink: sink), let fields = FieldReader.frontMatter(of: source, sink: sink) else { return nil }
        let name = fields.string("name", required: true)
        let nameLatin = fields.string("name_latin")
        let species = fields.string("species", required: true)
        let breed = fields.string("breed")
        let birthdate = fields.date("birthdate")
        let sex = fields.choice("sex", as: Pet.Sex.self)
        let colour = fields.string("colour")
        let microchip = fields.string("microchip")
        let photo = fields.located("photo")
        let token = TokenField.read(fields, kind: .pet)
        let lost = fields.bool("lost", default: false)
        let lostSince = fields.date("lost_since")
        let lostArea = fields.string("lost_area")
        let owner = fields.mapping("owner", required: true).flatMap(readOwner)
        let vaccinations = fields.mappings("vaccinations").compactMap(readVaccination)
        let allergies = fields.strings("allergies")
        let medications = fields.strings("medications")
        let healthNotes = fields.string("health_notes")
        fields.finish()

        if !lost {
            for key in ["lost_since", "lost_area"] where fields.has(key) {
                fields.error("'\(key)' applies only to a lost pet: set 'lost: true' or remove it", at: key)
            }
        }
        if lost, let owner, owner.publicContact.allSatisfy({ $0.field == .name }) {
            fields.error("a lost pet needs a public phone or email so a finder can reach the owner: add it to owner.public", at: "lost")
        }
        if !Slug.isValid(slug) {
            sink.error("pet file name must be <slug>.md with lower-case letters, digits and hyphens", at: SourceLocation(path: path))
        }
        guard let name, let species, let token, let owner, Slug.isValid(slug) else { return nil }
        return Pet(
            slug: slug, source: path, name: name, nameLatin: nameLatin, species: species, breed: breed,
            birthdate: birthdate, sex: sex, colour: colour, microchip: microchip,
            photo: photo?.value, photoLocation: photo?.location, token: token.token,
            tokenLocation: token.location, lost: lost, lostSince: lostSince, lostArea: lostArea, owner: owner,
            vaccinations: vaccinations, allergies: allergies, medications: medications,
            healthNotes: healthNotes, body: source.body, bodyLine: source.bodyLine
        )
    }

    private func readOwner(_ fields: FieldReader) -> Owner? {
        var owner = Owner(name: fields.string("name"), phone: fields.string("phone"), email: fields.string("email"), publicFields: [])
        for entry in fields.strings("public") {
            guard let field = Owner.Field(rawValue: entry) else {
                fields.error("'public' may list name, phone and email, found '\(entry)'", at: "public")
                continue
            }
            if owner.value(of: field) == nil {
                fields.error("'public' lists \(entry) but the owner has no \(entry)", at: "public")
            }
            owner.publicFields.insert(field)
        }
        fields.finish()
        return owner
    }

    private func readVaccination(_ fields: FieldReader) -> Vaccination? {
        let name = fields.string("name", required: true)
        let vaccination = Vaccination(
            name: name ?? "", date: fields.date("date"), expires: fields.date("expires"), vet: fields.string("vet"),
            expiresLocation: fields.located("expires")?.location
        )
        if let date = vaccination.date, let expires = vaccination.expires, expires < date {
            fields.error("'expires' (\(expires)) is before the vaccination 'date' (\(date))", at: "expires")
        }
        fields.finish()
        return name == nil ? nil : vaccination
    }
}
