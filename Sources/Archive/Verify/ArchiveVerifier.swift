import Foundation

/// Re-checks an archive from its storage alone: every entry's hash and chain link, every document's SHA-256,
/// every seal's chain, Merkle root and signature. Stops at the FIRST broken place, in this order: public keys,
/// journal (by sequence; a document counts at its entry's sequence), seals.
///
/// Incremental by default: `verified.json` names the last seal a previous run verified; entries and seals up to it
/// are not re-hashed, only checked cheaply (the hash of its last entry and of the seal line still match).
public struct ArchiveVerifier: Sendable {
    let storage: any ArchiveStorage
    /// Documents are hashed by this many concurrent tasks.
    public var workers: Int
    public var clock: @Sendable () -> Date
    /// How RFC 3161 tokens of seals are checked. nil: tokens present are still checked, against the certificate
    /// each carries (integrity only), with a default tolerance of 5 minutes.
    public var timestamps: TimestampVerification?

    public init(storage: any ArchiveStorage, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.storage = storage
        self.workers = max(1, workers)
        self.clock = clock
    }

    /// - Parameters:
    ///   - full: re-check everything, ignoring `verified.json`.
    ///   - recordState: on success, write `verified.json` for the next incremental run.
    ///
    /// Tokens in `timestamps.jsonl` are checked on every run (one signature check per seal).
    public func verify(full: Bool, recordState: Bool = true) async throws -> VerificationReport {
        var report = VerificationReport(isFull: full)
        let decoder = JSONDecoder()
        var state: VerifiedState?
        if !full, let data = try await storage.readState(VerifiedState.fileName) {
            state = try? decoder.decode(VerifiedState.self, from: data)
            if state == nil { report.notes.append("verified.json is unreadable: running a full verification") }
        }
        report.isFull = state == nil

        let keysLog = try await storage.read(.publicKeys)
        let keys: [String: PublicKeyRecord]
        switch Self.checkKeys(keysLog.lines, decoder: decoder) {
        case .success(let found): keys = found
        case .failure(let failure): return report.failing(failure)
        }

        let journal = try await storage.read(.journal)
        let seals = try await storage.read(.seals)
        for (name, content) in [("journal.jsonl", journal), ("seals.jsonl", seals), ("public-keys.jsonl", keysLog)]
        where content.tornTailBytes > 0 {
            report.notes.append(
                "\(name) ends with an incomplete line of \(content.tornTailBytes) bytes (an interrupted write, never "
                    + "acknowledged); it is cut when the archive is next opened for writing")
        }

        var scan = JournalScan(lines: journal.lines, skipThrough: state?.lastSequence ?? 0, decoder: decoder)
        if let state, let failure = scan.checkVerifiedPrefix(state) { return report.failing(failure) }
        scan.run()
        report.entriesChecked = scan.entries.count - scan.skipThrough
        report.entriesSkipped = min(scan.skipThrough, scan.entries.count)

        let documents = scan.entries.filter {
            $0.sequence > scan.skipThrough && $0.hasDocument && $0.sequence < (scan.failure?.sequence ?? Int.max)
        }
        let blobs = await checkDocuments(documents, purged: scan.purged)
        report.documentsHashed = blobs.hashed
        report.bytesHashed = blobs.bytes
        report.purgedDocuments = blobs.purged
        if let failure = [blobs.failure, scan.failure].compactMap({ $0 }).min(by: { ($0.sequence ?? 0) < ($1.sequence ?? 0) }) {
            return report.failing(failure)
        }

        var sealCheck = SealScan(lines: seals.lines, entries: scan.entries, keys: keys,
                                 skipThrough: state?.sealNumber ?? 0, decoder: decoder)
        if let state, let failure = sealCheck.checkVerifiedSeal(state) { return report.failing(failure) }
        sealCheck.run()
        report.sealsChecked = sealCheck.checked
        if let failure = sealCheck.failure { return report.failing(failure) }
        report.unsealedEntries = scan.entries.count - (sealCheck.lastSeal?.lastSequence ?? 0)

        let tokens = try await storage.read(.timestamps)
        var stampCheck = TimestampScan(lines: tokens.lines, seals: sealCheck.seals,
                                       verification: timestamps ?? TimestampVerification(trust: nil), decoder: decoder)
        stampCheck.run()
        report.timestampsChecked = stampCheck.checked
        report.notes.append(contentsOf: stampCheck.notes)
        if let failure = stampCheck.failure { return report.failing(failure) }

        if recordState, let last = sealCheck.lastSeal, scan.entries.indices.contains(last.lastSequence - 1) {
            let newState = VerifiedState(
                sealNumber: last.number, sealHash: last.hash, lastSequence: last.lastSequence,
                lastEntryHash: scan.entries[last.lastSequence - 1].hash,
                verifiedAtMillis: clock().millisecondsSince1970)
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try await storage.writeState(VerifiedState.fileName, encoder.encode(newState))
            } catch {
                report.notes.append("could not write verified.json: \(error)")
            }
        }
        return report
    }

    static func checkKeys(_ lines: [[UInt8]], decoder: JSONDecoder) -> Result<[String: PublicKeyRecord], VerificationFailure> {
        var keys: [String: PublicKeyRecord] = [:]
        for (index, line) in lines.enumerated() {
            let place = VerificationFailure.Place.publicKey(index + 1)
            guard let record = try? PublicKeyRecord.parse(line, decoder: decoder) else {
                return .failure(VerificationFailure(place: place, field: "line", expected: "a public key record",
                    found: "unreadable JSON", explanation: "keys/public-keys.jsonl was altered"))
            }
            guard let raw = Hex.bytes(record.publicKeyHex), raw.count == 32 else {
                return .failure(VerificationFailure(place: place, field: "publicKey", expected: "64 hex digits",
                    found: record.publicKeyHex, explanation: "not a raw Ed25519 public key"))
            }
            let derived = SigningKeyFile.keyID(rawPublicKey: raw)
            guard derived == record.keyID else {
                return .failure(VerificationFailure(place: place, field: "keyId", expected: derived, found: record.keyID,
                    explanation: "a key id is the first 16 hex digits of SHA-256(public key); the key was replaced"))
            }
            guard keys[record.keyID] == nil else {
                return .failure(VerificationFailure(place: place, field: "keyId", expected: "a new key id",
                    found: record.keyID, explanation: "the same key is listed twice"))
            }
            keys[record.keyID] = record
        }
        return .success(keys)
    }
}

extension VerificationReport {
    fileprivate func failing(_ failure: VerificationFailure) -> VerificationReport {
        var copy = self
        copy.failure = failure
        return copy
    }
}
