/// The document information a PDF carries. The dates are fixed by the caller, never "now":
/// cairo 1.16 otherwise stamps the current time and two runs differ.
public struct PDFMetadata: Sendable {
    public var title: String
    public var creator: String
    /// Creation and modification date, seconds since 1970 (UTC); usually `SOURCE_DATE_EPOCH`.
    public var date: Int

    public init(title: String, creator: String = "Waymark", date: Int) {
        self.title = title
        self.creator = creator
        self.date = date
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, the form `cairo_pdf_surface_set_metadata` takes.
    var isoDate: String {
        let days = Int((Double(date) / 86_400).rounded(.down))
        let seconds = date - days * 86_400
        // Howard Hinnant's civil-from-days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }
}
