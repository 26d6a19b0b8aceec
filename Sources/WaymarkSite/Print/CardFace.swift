import WaymarkCore

/// One printed face: a card, or one page of a passport, with its text and (optionally) its code.
struct CardFace: Sendable {
    var kind: CardKind
    var blocks: [CardBlock]
    /// The token whose code the face carries, and the code's text (from the manifest).
    var token: Token?
    var payload: String?

    /// The caption under the code, if the face shows one.
    var codeCaption: String? {
        for case let .code(caption) in blocks { return caption }
        return nil
    }

    /// The band's text, if the face has a band.
    var band: String? {
        for case let .band(text) in blocks { return text }
        return nil
    }

    /// The blocks set in the text area (band and code are placed apart).
    var flowBlocks: [CardBlock] {
        blocks.filter {
            switch $0 {
            case .band, .code: false
            default: true
            }
        }
    }
}
