import Crypto
import Foundation

extension LegalArchive {
    /// Seals the entries written since the last seal: their Merkle root, signed with the Ed25519 key, chained to
    /// the previous seal. Returns nil when there is nothing new to seal.
    ///
    /// The signing key is read from `ArchiveConfiguration.signingKeyPath` (created on first use); a key not yet
    /// in the public-key history is added to it, valid from now, before the seal is written.
    ///
    /// With `ArchiveConfiguration.timestamping`, every seal without a token (this one, and earlier ones whose
    /// request failed) is then time-stamped; a failure there throws `ArchiveError.timestamp` AFTER the seal is
    /// durable.
    @discardableResult
    public func seal() async throws -> Seal? {
        try checkWritable()
        let previous = allSeals.last
        let first = (previous?.lastSequence ?? 0) + 1
        let all = allEntries()
        guard all.count >= first, let last = all.last else { return nil }
        let leaves = all[(first - 1)...].map(\.hash)
        guard let root = MerkleTree.root(ofHexLeaves: leaves) else {
            throw ArchiveError.corrupt("an entry hash between \(first) and \(last.sequence) is not a SHA-256")
        }
        let key = try currentSigningKey()
        let keyID = SigningKeyFile.keyID(key.publicKey)
        let now = configuration.clock().millisecondsSince1970
        var newKey: PublicKeyRecord?
        if !keyHistory.contains(where: { $0.keyID == keyID }) {
            let record = PublicKeyRecord(
                keyID: keyID, publicKeyHex: Hex.string(key.publicKey.rawRepresentation), validFromMillis: now)
            try await storage.append([record.line], to: .publicKeys)
            newKey = record
        }
        var seal = Seal(
            number: (previous?.number ?? 0) + 1, previousSealHash: previous?.hash ?? Seal.genesisHash,
            firstSequence: first, lastSequence: last.sequence, lastEntryHash: last.hash, merkleRoot: root,
            timeMillis: now, keyID: keyID, signatureHex: "", hash: "")
        seal.signatureHex = Hex.string(try key.signature(for: seal.signedMessage))
        let line = seal.line()
        do {
            try await storage.append([line], to: .seals)
        } catch {
            markBroken()
            throw error
        }
        appendSeal(seal, newKey: newKey)
        if configuration.timestamping != nil { try await timestampSeals() }
        return seal
    }

    /// Seals every `interval` until the task is cancelled, then returns normally (run it as a service of the
    /// server's ServiceGroup). A failing seal ends the loop with its error; a failed timestamp does not (the
    /// seal is stored, and its timestamp is requested again at the next round).
    public func sealPeriodically(every interval: Duration) async throws {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch is CancellationError {
                return
            }
            do {
                try await seal()
            } catch ArchiveError.timestamp {
                continue  // the seal is stored; its timestamp is requested again next round
            }
        }
    }
}
