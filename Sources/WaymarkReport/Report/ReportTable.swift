/// One table of a report, exported as CSV and inside the JSON; the HTML draws its charts from it.
public struct ReportTable: Encodable, Equatable, Sendable {
    /// One value: a count, a share in percent, or a label.
    public enum Cell: Encodable, Equatable, Sendable {
        case number(Int)
        case percent(Double)
        case text(String)

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .number(value): try container.encode(value)
            case let .percent(value): try container.encode(value)
            case let .text(value): try container.encode(value)
            }
        }

        var text: String {
            switch self {
            case let .number(value): return String(value)
            case let .percent(value): return ReportTable.format(percent: value)
            case let .text(value): return value
            }
        }

        var number: Int {
            if case let .number(value) = self { return value }
            return 0
        }
    }

    /// File name stem and JSON key: `devices`, `funnel-<trail>`…
    public var name: String
    public var columns: [String]
    public var rows: [[Cell]]

    enum CodingKeys: String, CodingKey { case columns, rows }

    /// Rows as objects keyed by column, so a reader of the JSON needs no column positions.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(columns, forKey: .columns)
        try container.encode(rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }, forKey: .rows)
    }

    /// The share of `part` in `whole`, in percent with one decimal (0 when `whole` is 0).
    static func share(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : (Double(part) * 1000 / Double(whole)).rounded() / 10
    }

    static func format(percent value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
