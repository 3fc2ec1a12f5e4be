import Crypto
import Foundation

/// Checks seals in order: line hash, number, chain to the previous seal, covered range, last entry hash,
/// Merkle root, key and Ed25519 signature. Stops at the first failure.
struct SealScan {
    let lines: [[UInt8]]
    let entries: [ArchiveEntry]
    let keys: [String: PublicKeyRecord]
    /// Seals up to this number were verified before.
    let skipThrough: Int
    let decoder: JSONDecoder
    private(set) var checked = 0
    private(set) var lastSeal: Seal?
    /// Every seal read, in order (verified or skipped as verified before).
    private(set) var seals: [Seal] = []
    private(set) var failure: VerificationFailure?

    init(lines: [[UInt8]], entries: [ArchiveEntry], keys: [String: PublicKeyRecord], skipThrough: Int,
         decoder: JSONDecoder) {
        self.lines = lines
        self.entries = entries
        self.keys = keys
        self.skipThrough = skipThrough
        self.decoder = decoder
    }

    func checkVerifiedSeal(_ state: VerifiedState) -> VerificationFailure? {
        let number = state.sealNumber
        guard number >= 1, lines.count >= number else {
            return VerificationFailure(place: .seal(number), field: "seal", expected: "present", found: "missing",
                explanation: "a seal verified before is gone; run verify --full")
        }
        let computed = HashedLine(lines[number - 1])?.computedHash ?? "unreadable line"
        guard computed == state.sealHash else {
            return VerificationFailure(place: .seal(number), field: "hash", expected: state.sealHash, found: computed,
                explanation: "the last seal verified before has changed; run verify --full")
        }
        return nil
    }

    mutating func run() {
        var previousHash = Seal.genesisHash
        var previousLast = 0
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let parsed: SealLine
            do {
                parsed = try SealLine.parse(line, decoder: decoder)
            } catch {
                failure = VerificationFailure(place: .seal(number), field: "line", expected: "a seal", found: "\(error)",
                    explanation: "the seal line was altered or cut")
                return
            }
            let seal = parsed.seal
            if number > skipThrough {
                if let problem = check(parsed, number: number, previousHash: previousHash, previousLast: previousLast) {
                    failure = problem
                    return
                }
                checked += 1
            }
            previousHash = seal.hash
            previousLast = seal.lastSequence
            lastSeal = seal
            seals.append(seal)
        }
    }

    private func check(_ parsed: SealLine, number: Int, previousHash: String, previousLast: Int) -> VerificationFailure? {
        let seal = parsed.seal
        func fail(_ field: String, _ expected: String, _ found: String, _ why: String) -> VerificationFailure {
            VerificationFailure(place: .seal(number), field: field, expected: expected, found: found, explanation: why)
        }
        if parsed.computedHash != seal.hash {
            return fail("hash", seal.hash, parsed.computedHash, "the seal's bytes no longer hash to its recorded hash")
        }
        if seal.number != number { return fail("seal", "\(number)", "\(seal.number)", "seals were removed or reordered") }
        if seal.previousSealHash != previousHash {
            return fail("prevSeal", previousHash, seal.previousSealHash, "the link to the previous seal is broken")
        }
        if seal.firstSequence != previousLast + 1 {
            return fail("firstSeq", "\(previousLast + 1)", "\(seal.firstSequence)", "seals must cover the journal without gap")
        }
        guard seal.lastSequence >= seal.firstSequence, seal.lastSequence <= entries.count else {
            return fail("lastSeq", "\(seal.firstSequence)…\(entries.count)", "\(seal.lastSequence)",
                "the seal covers entries the journal does not have")
        }
        let lastHash = entries[seal.lastSequence - 1].hash
        if seal.lastEntryHash != lastHash {
            return fail("lastEntryHash", seal.lastEntryHash, lastHash, "the sealed journal was changed")
        }
        let root = MerkleTree.root(ofHexLeaves: entries[(seal.firstSequence - 1)..<seal.lastSequence].map(\.hash)) ?? ""
        if seal.merkleRoot != root {
            return fail("root", seal.merkleRoot, root, "the sealed entries were changed")
        }
        guard let key = keys[seal.keyID], let raw = Hex.bytes(key.publicKeyHex),
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            return fail("keyId", "a key of keys/public-keys.jsonl", seal.keyID, "the signing key is not in the history")
        }
        if seal.timeMillis < key.validFromMillis {
            return fail("time", "at or after \(key.validFromMillis)", "\(seal.timeMillis)", "signed before its key was valid")
        }
        guard let signature = Hex.bytes(seal.signatureHex),
            publicKey.isValidSignature(signature, for: seal.signedMessage)
        else {
            return fail("signature", "an Ed25519 signature by key \(seal.keyID)", seal.signatureHex,
                "the signature does not verify with the key history's public key")
        }
        return nil
    }
}

extension LegalArchive {
    /// Verifies this archive from its storage (see `ArchiveVerifier`).
    public func verify(full: Bool = false, recordState: Bool = true) async throws -> VerificationReport {
        var verifier = ArchiveVerifier(storage: storage, clock: configuration.clock)
        if let settings = configuration.timestamping {
            verifier.timestamps = TimestampVerification(trust: settings.trust, tolerance: settings.tolerance)
        }
        return try await verifier.verify(full: full, recordState: recordState)
    }
}
