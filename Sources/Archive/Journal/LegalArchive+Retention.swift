import Foundation

/// What a purge did.
public struct PurgeReport: Sendable, Hashable {
    /// The journaled `purge` entry.
    public var entry: ArchiveEntry
    /// The sequences whose documents are now gone.
    public var purgedSequences: [Int]
    /// Blobs removed (a blob still used by an entry under retention stays).
    public var removedBlobs: Int
}

extension LegalArchive {
    /// Entries whose document is still stored and whose retention ended at or before `date`.
    public func expired(asOf date: Date) -> [ArchiveEntry] {
        let limit = date.millisecondsSince1970
        return allEntries().filter { $0.hasDocument && !isPurged($0.sequence) && $0.retainUntilMillis <= limit }
    }

    /// Removes the documents of every expired entry. The entries stay in the journal; a `purge` entry listing
    /// their sequences is appended (and fsynced) BEFORE any blob is removed, so `verify` knows each missing blob
    /// was removed legitimately. Returns nil when nothing has expired.
    @discardableResult
    public func purge(asOf date: Date) async throws -> PurgeReport? {
        try checkWritable()
        let victims = expired(asOf: date)
        guard !victims.isEmpty else { return nil }
        return try await purge(victims, reason: "retention ended on or before \(date.ISO8601Format())")
    }

    /// Deletes one document. Refused with `ArchiveError.retentionNotExpired` while it is under retention.
    @discardableResult
    public func delete(sequence: Int, asOf date: Date) async throws -> PurgeReport {
        try checkWritable()
        guard let entry = entry(sequence: sequence), entry.hasDocument, !isPurged(sequence) else {
            throw ArchiveError.noSuchEntry(sequence: sequence)
        }
        guard entry.retainUntilMillis <= date.millisecondsSince1970 else {
            throw ArchiveError.retentionNotExpired(sequence: sequence, retainUntil: entry.retainUntil)
        }
        return try await purge([entry], reason: "deleted on request after retention ended")
    }

    private func purge(_ victims: [ArchiveEntry], reason: String) async throws -> PurgeReport {
        let sequences = victims.map(\.sequence)
        let entry = try await appendEntry(
            tenant: "", invoiceID: "", kind: .purge, size: 0, mediaType: "", blobHash: "",
            note: "\(sequences.count) documents removed: \(reason)", purgedSequences: sequences)
        let stillNeeded = Set(allEntries().filter { $0.hasDocument && !isPurged($0.sequence) }.map(\.blobHash))
        var removed = 0
        for blob in Set(victims.map(\.blobHash)) where !stillNeeded.contains(blob) {
            try await storage.deleteBlob(blob)
            removed += 1
        }
        return PurgeReport(entry: entry, purgedSequences: sequences, removedBlobs: removed)
    }
}
