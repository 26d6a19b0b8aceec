/// Whether a vaccination still protects, on a given day.
public enum VaccinationState: String, Sendable {
    case valid, expiring, expired, unknown

    /// Days before expiry from which a vaccination counts as expiring: time to book the vet.
    public static let warningDays = 30

    public init(expires: CalendarDate?, today: CalendarDate) {
        guard let expires else { self = .unknown; return }
        let daysLeft = expires.daysSince1970 - today.daysSince1970
        self = daysLeft < 0 ? .expired : daysLeft <= Self.warningDays ? .expiring : .valid
    }
}
