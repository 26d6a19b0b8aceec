/// Everything known about one site's day while a run adds to it: which event ids were counted
/// (in this run or before), who scanned what, and the new counts by field combination and hour.
struct DayTally {
    let site: String
    let day: Int
    /// Hashes of every event id counted for this day, in any run: how duplicates are recognised.
    private(set) var eventIDs: Set<UInt64>
    /// Every (visitor, token) pair of the day's scans, in any run.
    private(set) var visits: Set<Visit>
    /// New unique events of this run, at `fieldIndex * 24 + hour`.
    private(set) var counts: [Int] = []
    private(set) var duplicates = 0
    private(set) var added = 0
    /// Whether the stored state was changed (new events or duplicates seen).
    var isTouched: Bool { added > 0 || duplicates > 0 }

    init(site: String, day: Int, eventIDs: Set<UInt64> = [], visits: Set<Visit> = []) {
        self.site = site
        self.day = day
        self.eventIDs = eventIDs
        self.visits = visits
    }

    /// Counts one event unless its id was counted before. Returns whether it was new.
    @inline(__always)
    @discardableResult
    mutating func add(idHash: UInt64, field: Int32, hour: Int, visitor: UInt64, token: Int32, isBot: Bool) -> Bool {
        guard eventIDs.insert(idHash).inserted else {
            duplicates += 1
            return false
        }
        added += 1
        let slot = Int(field) &* 24 &+ hour
        if slot >= counts.count { counts.append(contentsOf: repeatElement(0, count: max(slot + 1 - counts.count, 24 * 16))) }
        counts[slot] &+= 1
        if !isBot { visits.insert(Visit(visitor: visitor, token: token)) }
        return true
    }

    /// The run's additions as rollup rows (dimension → key → count), named through `fields`.
    func delta(fields: [EventFields]) -> [String: [String: Int]] {
        var rows: [String: [String: Int]] = [:]
        func add(_ dimension: String, _ key: String, _ count: Int) { rows[dimension, default: [:]][key, default: 0] += count }
        for (index, value) in fields.enumerated() {
            let base = index * 24
            guard base < counts.count else { break }
            var total = 0
            for hour in 0..<24 where counts[base + hour] > 0 {
                total += counts[base + hour]
                if !value.isBot { add(RollupDimension.hour, RollupDimension.hourKey(hour), counts[base + hour]) }
            }
            guard total > 0 else { continue }
            if value.isBot {
                add(RollupDimension.bots, "", total)
                add(RollupDimension.botBrowser, value.browser, total)
                continue
            }
            add(RollupDimension.scans, "", total)
            add(RollupDimension.token, value.token, total)
            add(RollupDimension.kind, value.kind, total)
            add(RollupDimension.device, value.device, total)
            add(RollupDimension.os, value.os, total)
            add(RollupDimension.browser, value.browser, total)
            add(RollupDimension.referrer, value.ref ?? RollupDimension.direct, total)
            add(RollupDimension.country, value.cc ?? RollupDimension.unknown, total)
        }
        if duplicates > 0 { add(RollupDimension.duplicates, "", duplicates) }
        return rows
    }

    /// Distinct visitors among the day's scans.
    var visitorCount: Int { Set(visits.lazy.map(\.visitor)).count }
}
