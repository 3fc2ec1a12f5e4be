import Crypto
import Foundation

/// What `verify-export` found.
public struct ExportVerificationReport: Sendable {
    public var failure: VerificationFailure?
    public var documents = 0
    public var entries = 0
    public var seals = 0
    public var unsealed = 0
    /// RFC 3161 tokens checked (against `timestamps/tsa.pem` when the export has it).
    public var timestamps = 0
    public var isValid: Bool { failure == nil }

    public var summary: String {
        let head = failure.map { "FAILED at \($0)" } ?? "OK"
        return "\(head)\ndocuments \(documents), entries \(entries) (unsealed \(unsealed)), seals \(seals), timestamps \(timestamps)"
    }
}

/// Checks an export on its own, as an auditor would: document checksums, entry hashes, each entry's presence in
/// its seal's leaves, the seals' Merkle roots, signed messages and Ed25519 signatures with the exported keys.
public enum ExportVerifier {
    public static func verify(zip url: URL) throws -> ExportVerificationReport {
        let zip = try ZipReader(contentsOf: url)
        var report = ExportVerificationReport()
        do {
            try check(zip, &report)
        } catch let failure as VerificationFailure {
            report.failure = failure
        }
        return report
    }

    private static func fail(_ place: VerificationFailure.Place, _ field: String, _ expected: String, _ found: String,
                             _ why: String) -> VerificationFailure {
        VerificationFailure(place: place, field: field, expected: expected, found: found, explanation: why)
    }

    private static func file(_ zip: ZipReader, _ name: String) throws -> Data {
        guard let data = zip.files[name] else { throw fail(.file(name), "file", "present", "missing", "the export is incomplete") }
        return data
    }

    private static func lines(_ data: Data) -> [[UInt8]] {
        data.split(separator: 0x0a, omittingEmptySubsequences: true).map { Array($0) }
    }

    private static func check(_ zip: ZipReader, _ report: inout ExportVerificationReport) throws {
        let decoder = JSONDecoder()
        // 1. Documents against SHA256SUMS.
        var summed: Set<String> = []
        for line in lines(try file(zip, "SHA256SUMS")) {
            let text = String(decoding: line, as: UTF8.self)
            let parts = text.components(separatedBy: "  ")
            guard parts.count == 2, Hex.isSHA256(parts[0]) else {
                throw fail(.file("SHA256SUMS"), "line", "<sha256>  <path>", text, "not sha256sum format")
            }
            let actual = Digest.sha256(try file(zip, parts[1]))
            guard actual == parts[0] else {
                throw fail(.file(parts[1]), "sha256", parts[0], actual, "the document's bytes were changed")
            }
            summed.insert(parts[1])
            report.documents += 1
        }
        // 2. Keys.
        var keys: [String: Curve25519.Signing.PublicKey] = [:]
        for (index, line) in lines(try file(zip, "keys/public-keys.jsonl")).enumerated() {
            guard let record = try? PublicKeyRecord.parse(line, decoder: decoder), let raw = Hex.bytes(record.publicKeyHex),
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else { throw fail(.publicKey(index + 1), "line", "a public key record", "unreadable", "keys/public-keys.jsonl") }
            let derived = SigningKeyFile.keyID(rawPublicKey: raw)
            guard derived == record.keyID else {
                throw fail(.publicKey(index + 1), "keyId", derived, record.keyID, "the key was replaced")
            }
            let pem = String(decoding: try file(zip, "keys/\(record.keyID).pem"), as: UTF8.self)
            guard pem == PEM.publicKey(raw: raw) else {
                throw fail(.file("keys/\(record.keyID).pem"), "publicKey", record.publicKeyHex, "another key",
                    "the PEM and the key history disagree")
            }
            keys[record.keyID] = key
        }
        // 3. Seals: line hash, chain between consecutive exported seals, message, signature, leaves and root.
        var leavesBySeal: [Int: [String]] = [:]
        var firstBySeal: [Int: Int] = [:]
        var previous: Seal?
        var exportedSeals: [Int: Seal] = [:]
        for line in lines(try file(zip, "seals/seals.jsonl")) {
            guard let parsed = try? SealLine.parse(line, decoder: decoder) else {
                throw fail(.file("seals/seals.jsonl"), "line", "a seal", "unreadable", "the seal line was changed")
            }
            let seal = parsed.seal
            let name = "seals/" + ExportContent.sealName(seal.number)
            guard parsed.computedHash == seal.hash else {
                throw fail(.seal(seal.number), "hash", seal.hash, parsed.computedHash, "the seal line was changed")
            }
            if let previous, previous.number + 1 == seal.number, seal.previousSealHash != previous.hash {
                throw fail(.seal(seal.number), "prevSeal", previous.hash, seal.previousSealHash, "the seal chain is broken")
            }
            guard Array(try file(zip, name + ".msg")) == seal.signedMessage else {
                throw fail(.file(name + ".msg"), "message", "the signed part of seal \(seal.number)", "other bytes",
                    "the message file differs from the seal")
            }
            let signature = try file(zip, name + ".sig")
            guard let key = keys[seal.keyID] else {
                throw fail(.seal(seal.number), "keyId", "a key of keys/public-keys.jsonl", seal.keyID, "unknown key")
            }
            guard Hex.string(signature) == seal.signatureHex, key.isValidSignature(signature, for: seal.signedMessage) else {
                throw fail(.seal(seal.number), "signature", "an Ed25519 signature by key \(seal.keyID)",
                    Hex.string(signature), "the signature does not verify")
            }
            let leaves = lines(try file(zip, name + ".leaves")).map { String(decoding: $0, as: UTF8.self) }
            let root = MerkleTree.root(ofHexLeaves: leaves) ?? "none"
            guard leaves.count == seal.lastSequence - seal.firstSequence + 1, root == seal.merkleRoot,
                leaves.last == seal.lastEntryHash
            else { throw fail(.seal(seal.number), "root", seal.merkleRoot, root, "the leaves do not make the signed root") }
            leavesBySeal[seal.number] = leaves
            firstBySeal[seal.number] = seal.firstSequence
            previous = seal
            exportedSeals[seal.number] = seal
            report.seals += 1
        }
        try checkTimestamps(zip, seals: exportedSeals, decoder: decoder, &report)
        // 4. Entries: own hash, listed in their seal's leaves, document present and summed unless purged.
        guard let manifest = try? decoder.decode(ManifestRows.self, from: try file(zip, "manifest.json")) else {
            throw fail(.file("manifest.json"), "json", "the export manifest", "unreadable", "manifest.json was changed")
        }
        let sealOf = Dictionary(manifest.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        for line in lines(try file(zip, "journal.jsonl")) {
            guard let parsed = try? JournalLine.parse(line, decoder: decoder) else {
                throw fail(.file("journal.jsonl"), "line", "a journal entry", "unreadable", "the journal line was changed")
            }
            let entry = parsed.entry
            guard parsed.computedHash == entry.hash else {
                throw fail(.entry(entry.sequence), "hash", entry.hash, parsed.computedHash, "the entry was changed")
            }
            guard let row = sealOf[entry.sequence], row.entryHash == entry.hash, row.sha256 == entry.blobHash else {
                throw fail(.entry(entry.sequence), "manifest", entry.hash, "no matching row", "manifest and journal disagree")
            }
            if let number = row.seal {
                guard let leaves = leavesBySeal[number], let first = firstBySeal[number],
                    leaves.indices.contains(entry.sequence - first), leaves[entry.sequence - first] == entry.hash
                else { throw fail(.entry(entry.sequence), "seal", "leaf of seal \(number)", "absent", "not covered by its seal") }
            } else {
                report.unsealed += 1
            }
            if row.status != "purged", !summed.contains("documents/\(entry.blobHash)") {
                throw fail(.entry(entry.sequence), "blob", entry.blobHash, "not in SHA256SUMS", "the document is missing")
            }
            report.entries += 1
        }
    }

    /// Each token of `timestamps/timestamps.jsonl` against its exported seal (imprint, nonce, genTime, CMS
    /// signature), and each `.tst` file against its record.
    private static func checkTimestamps(_ zip: ZipReader, seals: [Int: Seal], decoder: JSONDecoder,
                                        _ report: inout ExportVerificationReport) throws {
        guard let log = zip.files["timestamps/timestamps.jsonl"] else { return }
        let trust = try zip.files["timestamps/tsa.pem"].map { data in
            do {
                return try TimestampTrust(pem: String(decoding: data, as: UTF8.self))
            } catch {
                throw fail(.file("timestamps/tsa.pem"), "pem", "the TSA's CA certificate", "\(error)", "unreadable")
            }
        }
        for line in lines(log) {
            guard let record = try? TimestampRecord.parse(line, decoder: decoder) else {
                throw fail(.file("timestamps/timestamps.jsonl"), "line", "a timestamp record", "unreadable", "altered")
            }
            guard let seal = seals[record.sealNumber] else {
                throw fail(.seal(record.sealNumber), "timestamp", "an exported seal", "absent", "a token without its seal")
            }
            let name = "timestamps/\(ExportContent.sealName(seal.number)).tst"
            guard Array(try file(zip, name)) == record.token else {
                throw fail(.file(name), "token", "the token of timestamps.jsonl", "other bytes", "the token file was changed")
            }
            if let finding = TimestampCheck.check(record, seal: seal, trust: trust, tolerance: 300) {
                throw fail(.seal(seal.number), finding.field, finding.expected, finding.found, finding.explanation)
            }
            report.timestamps += 1
        }
    }

    private struct ManifestRows: Decodable {
        struct Row: Decodable {
            let sequence: Int
            let sha256: String
            let entryHash: String
            let seal: Int?
            let status: String
        }
        let entries: [Row]
    }
}
