import WaymarkCore

/// A pet profile: public page for finders, private health notes for the passport only.
public struct Pet: Sendable {
    public enum Sex: String, CaseIterable, Sendable { case male, female, unknown }

    public var slug: String
    public var source: String
    public var name: String
    /// A Latin-script spelling of a name in another script, for readers who cannot read it.
    public var nameLatin: String?
    public var species: String
    public var breed: String?
    public var birthdate: CalendarDate?
    public var sex: Sex?
    public var colour: String?
    public var microchip: String?
    /// A photo next to the pet's file (or elsewhere in the site's content folder), as written.
    public var photo: String?
    public var photoLocation: SourceLocation?
    public var token: Token
    public var tokenLocation: SourceLocation
    public var lost: Bool
    public var lostSince: CalendarDate?
    public var lostArea: String?
    public var owner: Owner
    public var vaccinations: [Vaccination]
    public var allergies: [String]
    public var medications: [String]
    /// Private: printed in the passport, never published.
    public var healthNotes: String?
    public var body: String
    /// The file line the body starts on, for locating problems inside it.
    public var bodyLine: Int

    public var path: String { "/pets/\(slug)/" }
}

/// The pet's owner; only the fields listed in `public` ever appear on the site.
public struct Owner: Sendable {
    public enum Field: String, CaseIterable, Sendable { case name, phone, email }

    public var name: String?
    public var phone: String?
    public var email: String?
    public var publicFields: Set<Field>

    /// The owner fields the site may show, in a fixed order.
    public var publicContact: [(field: Field, value: String)] {
        Field.allCases.compactMap { field in
            guard publicFields.contains(field), let value = value(of: field) else { return nil }
            return (field, value)
        }
    }

    public func value(of field: Field) -> String? {
        switch field {
        case .name: return name
        case .phone: return phone
        case .email: return email
        }
    }
}

public struct Vaccination: Sendable {
    public var name: String
    public var date: CalendarDate?
    public var expires: CalendarDate?
    public var vet: String?
    /// Where the expiry date is written, for the expiry warning.
    public var expiresLocation: SourceLocation?
}
