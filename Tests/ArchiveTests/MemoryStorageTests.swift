import Crypto
import Foundation
import Testing

@testable import Archive

@Suite("Archive: in-memory storage")
struct MemoryStorageTests {
    @Test func theArchiveWorksOnTheInMemoryFake() async throws {
        let storage = MemoryArchiveStorage()
        let keyFolder = try TempFolder()
        defer { keyFolder.cleanup() }
        let clock = TestClock()
        let config = ArchiveConfiguration(
            signingKeyPath: keyFolder.url.appendingPathComponent("key.pem").path, clock: { clock.now })
        let archive = try await LegalArchive.open(storage: storage, configuration: config)
        let first = try await archive.store(sampleDocument(1), metadata("F-1"))
        try await archive.store(sampleDocument(2), metadata("F-1", .facturx))
        let seal = try #require(try await archive.seal())
        #expect(seal.firstSequence == 1 && seal.lastSequence == 2)
        #expect(try await archive.seal() == nil)
        #expect(try await archive.verify(full: true).isValid)

        await storage.overwriteBlob(first.blobHash, with: Data("changed".utf8))
        let failure = try #require(try await archive.verify(full: true).failure)
        #expect(failure.place == .entry(1) && failure.field == "blob")
        #expect(failure.found == Hex.string(SHA256.hash(data: Data("changed".utf8))))
    }

    @Test func aTornTailIsCutWhenAWriterOpens() async throws {
        let storage = MemoryArchiveStorage()
        let clock = TestClock()
        let config = ArchiveConfiguration(clock: { clock.now })
        let archive = try await LegalArchive.open(storage: storage, configuration: config)
        let kept = try await archive.store(sampleDocument(1), metadata("F-1"))
        await storage.appendTornTail(Array("{\"seq\":2".utf8), to: .journal)
        let reopened = try await LegalArchive.open(storage: storage, configuration: config)
        #expect(await reopened.repairedBytes == [.journal: 8])
        let recovery = try #require(await reopened.lastEntry)
        #expect(recovery.sequence == 2 && recovery.kind == .recovery && recovery.previousHash == kept.hash)
        #expect(try await reopened.verify(full: true).isValid)
    }
}

@Suite("Archive: periodic sealing")
struct PeriodicSealTests {
    @Test func sealsAtTheIntervalUntilCancelled() async throws {
        let storage = MemoryArchiveStorage()
        let config = ArchiveConfiguration(signingKey: Curve25519.Signing.PrivateKey(), clock: { Date() })
        let archive = try await LegalArchive.open(storage: storage, configuration: config)
        try await archive.store(sampleDocument(1), metadata("F-1"))
        let sealing = Task { try await archive.sealPeriodically(every: .milliseconds(20)) }
        var waited = 0
        while await archive.allSeals.isEmpty, waited < 250 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        #expect(await archive.allSeals.count == 1)
        try await archive.store(sampleDocument(2), metadata("F-2"))
        waited = 0
        while await archive.allSeals.count < 2, waited < 250 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        sealing.cancel()
        let seals = await archive.allSeals
        #expect(seals.count == 2)
        #expect(seals.last?.firstSequence == 2 && seals.last?.previousSealHash == seals.first?.hash)
        try await sealing.value  // returns normally once cancelled
    }
}
