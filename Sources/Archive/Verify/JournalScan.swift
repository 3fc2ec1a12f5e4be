import Foundation

/// Reads the journal in order and checks each line: its hash, its sequence, its link to the line before,
/// and the purge entries' claims. Stops at the first failure.
struct JournalScan {
    let lines: [[UInt8]]
    /// Entries up to this sequence were verified before: read, not re-hashed.
    let skipThrough: Int
    let decoder: JSONDecoder
    private(set) var entries: [ArchiveEntry] = []
    private(set) var purged: Set<Int> = []
    private(set) var failure: VerificationFailure?

    init(lines: [[UInt8]], skipThrough: Int, decoder: JSONDecoder) {
        self.lines = lines
        self.skipThrough = skipThrough
        self.decoder = decoder
    }

    /// The cheap check of an incremental run: the last entry verified before still hashes to what was recorded.
    func checkVerifiedPrefix(_ state: VerifiedState) -> VerificationFailure? {
        let sequence = state.lastSequence
        guard sequence >= 1, lines.count >= sequence else {
            return VerificationFailure(place: .entry(lines.count + 1), field: "seq", expected: "\(sequence) entries",
                found: "\(lines.count) entries", explanation: "entries verified before are gone; run verify --full")
        }
        let computed = HashedLine(lines[sequence - 1])?.computedHash ?? "unreadable line"
        guard computed == state.lastEntryHash else {
            return VerificationFailure(place: .entry(sequence), field: "hash", expected: state.lastEntryHash,
                found: computed, explanation: "the last entry verified before has changed; run verify --full")
        }
        return nil
    }

    mutating func run() {
        var previous = ArchiveEntry.genesisHash
        entries.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let position = index + 1
            let rehash = position > skipThrough
            let parsed: JournalLine
            do {
                parsed = try JournalLine.parse(line, decoder: decoder, hashing: rehash)
            } catch {
                failure = VerificationFailure(place: .entry(position), field: "line", expected: "a journal entry",
                    found: "\(error)", explanation: "the line was altered or cut")
                return
            }
            let entry = parsed.entry
            if rehash, let problem = check(entry, computedHash: parsed.computedHash, position: position, previous: previous) {
                failure = problem
                return
            }
            previous = entry.hash
            entries.append(entry)
            purged.formUnion(entry.purgedSequences)
        }
    }

    private func check(_ entry: ArchiveEntry, computedHash: String, position: Int, previous: String) -> VerificationFailure? {
        func fail(_ field: String, _ expected: String, _ found: String, _ why: String) -> VerificationFailure {
            VerificationFailure(place: .entry(position), field: field, expected: expected, found: found, explanation: why)
        }
        if computedHash != entry.hash {
            return fail("hash", entry.hash, computedHash, "the entry's bytes no longer hash to its recorded hash")
        }
        if entry.sequence != position {
            return fail("seq", "\(position)", "\(entry.sequence)", "entries were removed, inserted or reordered")
        }
        if entry.previousHash != previous {
            return fail("prev", previous, entry.previousHash, "the link to the previous entry is broken")
        }
        if !entry.kind.isArchiveNote, !Hex.isSHA256(entry.blobHash) {
            return fail("blob", "a SHA-256", entry.blobHash, "a document entry must name its document")
        }
        if entry.kind != .purge, !entry.purgedSequences.isEmpty {
            return fail("purges", "[]", "\(entry.purgedSequences)", "only a purge entry may remove documents")
        }
        for sequence in entry.purgedSequences {
            guard sequence >= 1, sequence < position else {
                return fail("purges", "sequences before \(position)", "\(sequence)", "a purge can only remove earlier documents")
            }
            let victim = entries[sequence - 1]
            guard victim.hasDocument, victim.retainUntilMillis <= entry.timeMillis else {
                return fail("purges", "entry \(sequence) retained until \(victim.retainUntil.ISO8601Format()) or earlier",
                    "purged at \(entry.time.ISO8601Format())", "a document was removed before its retention ended")
            }
        }
        return nil
    }
}

struct DocumentCheck: Sendable {
    var failure: VerificationFailure?
    var hashed = 0
    var bytes = 0
    var purged = 0

    mutating func merge(_ other: DocumentCheck) {
        hashed += other.hashed
        bytes += other.bytes
        purged += other.purged
        if let next = other.failure, (failure?.sequence ?? Int.max) > (next.sequence ?? Int.max) { failure = next }
    }
}

extension ArchiveVerifier {
    /// Hashes the documents with `workers` concurrent tasks; keeps the failure of the lowest sequence.
    func checkDocuments(_ documents: [ArchiveEntry], purged: Set<Int>) async -> DocumentCheck {
        let storage = self.storage
        let workers = self.workers
        return await withTaskGroup(of: DocumentCheck.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var result = DocumentCheck()
                    var index = worker
                    while index < documents.count {
                        let entry = documents[index]
                        index += workers
                        if let failure = result.failure, (failure.sequence ?? 0) < entry.sequence { break }
                        let part = await Self.check(entry, purged: purged.contains(entry.sequence), storage: storage)
                        result.merge(part)
                    }
                    return result
                }
            }
            var total = DocumentCheck()
            for await part in group { total.merge(part) }
            return total
        }
    }

    private static func check(_ entry: ArchiveEntry, purged: Bool, storage: any ArchiveStorage) async -> DocumentCheck {
        var result = DocumentCheck()
        func fail(_ field: String, _ expected: String, _ found: String, _ why: String) -> DocumentCheck {
            result.failure = VerificationFailure(
                place: .entry(entry.sequence), field: field, expected: expected, found: found, explanation: why)
            return result
        }
        let digest: BlobDigest?
        do {
            digest = try await storage.digestBlob(entry.blobHash)
        } catch {
            return fail("blob", entry.blobHash, "unreadable: \(error)", "the document cannot be read")
        }
        guard let digest else {
            if purged {
                result.purged = 1
                return result
            }
            return fail("blob", entry.blobHash, "missing", "the document is gone and no purge entry removed it")
        }
        result.hashed = 1
        result.bytes = digest.size
        if digest.sha256 != entry.blobHash {
            return fail("blob", entry.blobHash, digest.sha256, "the document's bytes were changed")
        }
        if digest.size != entry.size {
            return fail("size", "\(entry.size)", "\(digest.size)", "the document's size differs from the entry")
        }
        return result
    }
}
