import WaymarkCore

/// Warns about vaccinations that have expired or expire within `VaccinationState.warningDays`:
/// time to book the vet before the passport is printed.
enum VaccinationCheck {
    static func diagnostics(for sites: [Site], today: CalendarDate) -> [Diagnostic] {
        sites.flatMap(\.pets).flatMap { pet in
            pet.vaccinations.compactMap { vaccination -> Diagnostic? in
                guard let expires = vaccination.expires else { return nil }
                let location = vaccination.expiresLocation ?? SourceLocation(path: pet.source)
                let days = expires.daysSince1970 - today.daysSince1970
                switch VaccinationState(expires: expires, today: today) {
                case .expired:
                    return .warning("\(pet.name)'s '\(vaccination.name)' vaccination expired on \(expires)", at: location)
                case .expiring:
                    let when = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
                    return .warning("\(pet.name)'s '\(vaccination.name)' vaccination expires \(when) (\(expires))", at: location)
                case .valid, .unknown:
                    return nil
                }
            }
        }
    }
}
