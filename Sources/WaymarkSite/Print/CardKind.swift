/// What a printed face is for; each kind has its own template.
public enum CardKind: String, CaseIterable, Sendable {
    /// A trail-stop card: trail, stop number and title, prompt, code and short URL.
    case stop
    /// A pet's collar-tag card: name, "scan me if I'm lost", code and the owner's public phone.
    case petTag = "pet"
    /// The pages of a pet passport: profile, vaccinations, health notes (private, only here).
    case passport

    /// The template (without `.mustache`) whose output lists the face's text.
    var template: String {
        switch self {
        case .stop: "card-stop"
        case .petTag: "card-pet"
        case .passport: "passport"
        }
    }
}
