extension RollupRun {
    mutating func absorb(_ reader: PartitionReader) {
        bytesRead += reader.bytesRead
        linesRead += reader.linesRead
        malformedLines += reader.malformedLines
        truncatedLines += reader.truncatedLines
        warningsOmitted += reader.warningsOmitted
        if let tally = reader.tally { absorb(tally, fields: reader.table.fields) }
    }

    mutating func absorb(_ tally: DayTally, fields: [EventFields]) {
        guard tally.isTouched else { return }
        daysUpdated += 1
        duplicates += tally.duplicates
        newEvents += tally.added
        let delta = tally.delta(fields: fields)
        newScans += delta[RollupDimension.scans]?[""] ?? 0
        newBots += delta[RollupDimension.bots]?[""] ?? 0
    }
}
