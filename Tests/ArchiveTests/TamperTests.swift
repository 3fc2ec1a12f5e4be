import Crypto
import Foundation
import Testing

@testable import Archive

/// Each test damages a real archive on disk the way an attacker or a faulty disk would, and checks that `verify`
/// names the first broken place.
@Suite("Archive: tamper detection")
struct TamperTests {
    /// 6 entries, sealed after 3 and after 6.
    private func sealedArchive() async throws -> (TempFolder, [ArchiveEntry]) {
        let folder = try TempFolder()
        let stored = try await populate(folder, clock: TestClock(), count: 6, sealEvery: 3)
        let report = try await verifyFolder(folder)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.sealsChecked == 2)
        return (folder, stored)
    }

    @Test func oneByteOfADocument() async throws {
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        let blob = folder.file("blobs/\(stored[3].blobHash.prefix(2))/\(stored[3].blobHash)")
        var bytes = try Data(contentsOf: blob)
        bytes[5] ^= 0x01
        try FileManager.default.removeItem(at: blob)  // blobs are written read-only
        try bytes.write(to: blob)
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .entry(4))
        #expect(failure.field == "blob")
        #expect(failure.expected == stored[3].blobHash)
        #expect(failure.found == Hex.string(SHA256.hash(data: bytes)))
    }

    @Test func oneByteOfAJournalEntry() async throws {
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        var lines = try journalLines(folder)
        lines[1] = lines[1].replacingOccurrences(of: "\"tenant\":\"acme\"", with: "\"tenant\":\"acmf\"")
        try writeLines(lines, folder)
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .entry(2))
        #expect(failure.field == "hash")
        #expect(failure.expected == stored[1].hash)
        #expect(failure.found != stored[1].hash)
    }

    @Test func oneByteOfASeal() async throws {
        let (folder, _) = try await sealedArchive()
        defer { folder.cleanup() }
        var seals = try journalLines(folder, "seals.jsonl")
        seals[1] = seals[1].replacingOccurrences(of: "\"firstSeq\":4", with: "\"firstSeq\":5")
        try writeLines(seals, folder, "seals.jsonl")
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .seal(2))
        #expect(failure.field == "hash")
    }

    @Test func aSealWhoseRootWasRewrittenWithItsHash() async throws {
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        var seals = try journalLines(folder, "seals.jsonl")
        var seal = try SealLine.parse(Array(seals[0].utf8), decoder: JSONDecoder()).seal
        seal.merkleRoot = stored[0].hash
        seals[0] = String(decoding: seal.line(), as: UTF8.self)
        try writeLines(seals, folder, "seals.jsonl")
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .seal(1))
        #expect(failure.field == "root")
        #expect(failure.expected == stored[0].hash)
    }

    @Test func aDeletedEntry() async throws {
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        var lines = try journalLines(folder)
        lines.remove(at: 2)
        try writeLines(lines, folder)
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .entry(3))
        #expect(failure.field == "seq")
        #expect(failure.expected == "3" && failure.found == "4")
        _ = stored
    }

    @Test func twoEntriesReordered() async throws {
        let (folder, _) = try await sealedArchive()
        defer { folder.cleanup() }
        var lines = try journalLines(folder)
        lines.swapAt(3, 4)
        try writeLines(lines, folder)
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .entry(4))
        #expect(failure.field == "seq")
        #expect(failure.expected == "4" && failure.found == "5")
    }

    @Test func aForgedEntryWithItsOwnHashRecomputed() async throws {
        // Entry 2 rewritten (another invoice) with a correct hash of its own: entry 3's link no longer matches.
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        let original = stored[1]
        let (forged, line) = ArchiveEntry.sealed(
            sequence: 2, previousHash: original.previousHash, tenant: original.tenant, invoiceID: "F-FORGED",
            kind: original.kind, timeMillis: original.timeMillis, retainUntilMillis: original.retainUntilMillis,
            size: original.size, mediaType: original.mediaType, blobHash: original.blobHash, note: "",
            purgedSequences: [])
        var lines = try journalLines(folder)
        lines[1] = String(decoding: line, as: UTF8.self)
        try writeLines(lines, folder)
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .entry(3))
        #expect(failure.field == "prev")
        #expect(failure.expected == forged.hash)
        #expect(failure.found == original.hash)
    }

    @Test func aDeletedEntryWithTheChainRebuilt() async throws {
        // The attacker drops entry 5 and rewrites 6 to follow 4: the chain is consistent, the seal is not.
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        let sixth = stored[5]
        let (rebuilt, line) = ArchiveEntry.sealed(
            sequence: 5, previousHash: stored[3].hash, tenant: sixth.tenant, invoiceID: sixth.invoiceID,
            kind: sixth.kind, timeMillis: sixth.timeMillis, retainUntilMillis: sixth.retainUntilMillis, size: sixth.size,
            mediaType: sixth.mediaType, blobHash: sixth.blobHash, note: sixth.note, purgedSequences: [])
        var lines = try journalLines(folder)
        lines.removeLast(2)
        lines.append(String(decoding: line, as: UTF8.self))
        try writeLines(lines, folder)
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .seal(2))
        #expect(failure.field == "lastSeq")
        _ = rebuilt
    }

    @Test func aReplacedPublicKey() async throws {
        // The history's key is swapped for another (with a matching key id): seals name a key no longer there.
        let (folder, _) = try await sealedArchive()
        defer { folder.cleanup() }
        let intruder = Curve25519.Signing.PrivateKey().publicKey
        let record = PublicKeyRecord(
            keyID: SigningKeyFile.keyID(intruder), publicKeyHex: Hex.string(intruder.rawRepresentation),
            validFromMillis: 0)
        try writeLines([String(decoding: record.line, as: UTF8.self)], folder, "keys/public-keys.jsonl")
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .seal(1))
        #expect(failure.field == "keyId")
    }

    @Test func aPublicKeyWhoseBytesWereReplacedUnderTheSameID() async throws {
        let (folder, _) = try await sealedArchive()
        defer { folder.cleanup() }
        var keys = try journalLines(folder, "keys/public-keys.jsonl")
        let record = try PublicKeyRecord.parse(Array(keys[0].utf8), decoder: JSONDecoder())
        let intruder = Curve25519.Signing.PrivateKey().publicKey
        keys[0] = keys[0].replacingOccurrences(of: record.publicKeyHex, with: Hex.string(intruder.rawRepresentation))
        try writeLines(keys, folder, "keys/public-keys.jsonl")
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .publicKey(1))
        #expect(failure.field == "keyId")
        #expect(failure.found == record.keyID)
    }

    @Test func aSealResignedWithAnotherKey() async throws {
        // The signing key file was replaced and seal 2 re-signed with it, keeping the key id and fixing the hash.
        let (folder, _) = try await sealedArchive()
        defer { folder.cleanup() }
        var seals = try journalLines(folder, "seals.jsonl")
        var seal = try SealLine.parse(Array(seals[1].utf8), decoder: JSONDecoder()).seal
        let intruder = Curve25519.Signing.PrivateKey()
        seal.signatureHex = Hex.string(try intruder.signature(for: seal.signedMessage))
        seals[1] = String(decoding: seal.line(), as: UTF8.self)
        try writeLines(seals, folder, "seals.jsonl")
        let failure = try #require(try await verifyFolder(folder).failure)
        #expect(failure.place == .seal(2))
        #expect(failure.field == "signature")
    }

    @Test func aRotatedKeyStillVerifiesOldSeals() async throws {
        let (folder, _) = try await sealedArchive()
        defer { folder.cleanup() }
        let keyPath = folder.file("keys/signing-key.pem").path
        try FileManager.default.removeItem(atPath: keyPath)
        try SigningKeyFile.write(Curve25519.Signing.PrivateKey(), to: keyPath)
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
        try await archive.store(sampleDocument(99), metadata("F-99"))
        let seal = try #require(try await archive.seal())
        #expect(await archive.keyHistory.count == 2)
        #expect(seal.keyID == (await archive.keyHistory.last?.keyID))
        await archive.close()
        let report = try await verifyFolder(folder)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.sealsChecked == 3)
    }

    @Test func incrementalSkipsVerifiedEntriesButChecksTheirLastHash() async throws {
        let (folder, stored) = try await sealedArchive()  // the full verify wrote verified.json (seal 2, entry 6)
        defer { folder.cleanup() }
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
        try await archive.store(sampleDocument(7), metadata("F-7"))
        await archive.close()
        let incremental = try await verifyFolder(folder, full: false)
        #expect(incremental.isValid, "\(incremental.summary)")
        #expect(incremental.entriesSkipped == 6 && incremental.entriesChecked == 1 && incremental.documentsHashed == 1)
        #expect(incremental.unsealedEntries == 1)

        // A document before the verified seal changed: only --full re-hashes it.
        let blob = folder.file("blobs/\(stored[0].blobHash.prefix(2))/\(stored[0].blobHash)")
        try FileManager.default.removeItem(at: blob)
        try Data("forged".utf8).write(to: blob)
        #expect(try await verifyFolder(folder, full: false).isValid)
        let full = try #require(try await verifyFolder(folder, full: true).failure)
        #expect(full.place == .entry(1) && full.field == "blob")

        // The last verified entry changed: the cheap check of an incremental run catches it.
        var lines = try journalLines(folder)
        lines[5] = lines[5].replacingOccurrences(of: "\"invoice\":\"F-3\"", with: "\"invoice\":\"F-4\"")
        try writeLines(lines, folder)
        let cheap = try #require(try await verifyFolder(folder, full: false).failure)
        #expect(cheap.place == .entry(6) && cheap.field == "hash")
        #expect(cheap.expected == stored[5].hash)
    }

    @Test func aTornLastLineIsCutAndJournaledOnOpen() async throws {
        let (folder, stored) = try await sealedArchive()
        defer { folder.cleanup() }
        let journal = try FileHandle(forWritingTo: folder.file("journal.jsonl"))
        try journal.seekToEnd()
        let torn = Data("{\"seq\":7,\"prev\":\"ab".utf8)
        try journal.write(contentsOf: torn)
        try journal.close()
        let before = try await verifyFolder(folder)
        #expect(before.isValid)
        #expect(before.notes.contains { $0.contains("incomplete line of \(torn.count) bytes") })
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(TestClock()))
        #expect(await archive.repairedBytes == [.journal: torn.count])
        let recovery = try #require(await archive.lastEntry)
        #expect(recovery.sequence == 7 && recovery.kind == .recovery && recovery.previousHash == stored[5].hash)
        #expect(recovery.note.contains("\(torn.count) bytes cut from the end of journal"))
        await archive.close()
        let after = try await verifyFolder(folder)
        #expect(after.isValid, "\(after.summary)")
        #expect(after.entriesChecked == 7)
    }
}
