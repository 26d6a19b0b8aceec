/// One piece of a card's text, as a card template lists it (`role: text`, one a line).
enum CardBlock: Equatable, Sendable {
    /// White text on the coloured band along the top edge.
    case band(String)
    case title(String)
    case subtitle(String)
    /// A section heading (passport pages).
    case heading(String)
    /// A short line set in bold, e.g. the owner's phone.
    case strong(String)
    case text(String)
    case small(String)
    /// A label and its value side by side.
    case field(label: String, value: String)
    /// The header cells of a table; `row`s follow.
    case table([String])
    case row([String])
    /// The QR code, with the line printed under it.
    case code(caption: String)

    static let roles = ["band", "title", "subtitle", "heading", "strong", "text", "small", "field", "table", "row", "code", "page"]
}
