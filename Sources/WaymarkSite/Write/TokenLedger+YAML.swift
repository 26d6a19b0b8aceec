import Foundation
import WaymarkCore

extension TokenLedger {
    /// The ledger as tokens.yml: sorted by token, strings JSON-quoted (valid YAML), stable bytes.
    func yaml(site: SiteID) -> String {
        var text = """
        # Token ledger of site '\(site)': every token ever issued and what it was issued for.
        # Kept up to date by `waymark build`; commit it with the content. A token is permanent:
        # to take one out of use, set `status: retired` (its page then says "no longer active").


        """
        for (token, record) in records.sorted(by: { $0.key < $1.key }) {
            text += """
            \(token):
              kind: \(record.kind.rawValue)
              status: \(record.status.rawValue)
              source: \(Self.quoted(record.source))
              title: \(Self.quoted(record.title))

            """
        }
        return text
    }

    private static func quoted(_ string: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(string)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
