import Crypto
import Foundation
import Testing

@testable import Archive

@Suite("Archive: store, journal, retention")
struct StoreTests {
    @Test func storesOnceByContentAndChainsEntries() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let clock = TestClock()
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
        let bytes = sampleDocument(1)
        let first = try await archive.store(bytes, metadata("F-1"))
        clock.advance(by: 2)
        let second = try await archive.store(bytes, metadata("F-1", .original))
        #expect(first.sequence == 1 && second.sequence == 2)
        #expect(first.previousHash == ArchiveEntry.genesisHash)
        #expect(second.previousHash == first.hash)
        let expected = Hex.string(SHA256.hash(data: bytes))
        #expect(first.blobHash == expected)
        #expect(second.blobHash == expected)
        let blob = folder.file("blobs/\(expected.prefix(2))/\(expected)")
        #expect(try Data(contentsOf: blob) == bytes)
        let blobFolder = try FileManager.default.contentsOfDirectory(atPath: folder.file("blobs/\(expected.prefix(2))").path)
        #expect(blobFolder == [expected])
        #expect(try await archive.document(second) == bytes)
        #expect(await archive.entries(invoice: "F-1", tenant: "acme").map(\.sequence) == [1, 2])
        #expect(await archive.entries(invoice: "F-1", tenant: "other").isEmpty)
        #expect(first.timeMillis == 1_767_225_600_000)
        // 10 years by default, in calendar years.
        #expect(first.retainUntil == ISO8601DateFormatter().date(from: "2036-01-01T00:00:00Z"))
        await archive.close()
    }

    @Test func entryHashIsTheSHA256OfTheLineWithoutItsHashMember() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let stored = try await populate(folder, clock: TestClock(), count: 3)
        let lines = try journalLines(folder)
        #expect(lines.count == 3)
        for (line, entry) in zip(lines, stored) {
            // The documented recipe: drop `,"hash":"…"` before the closing brace, hash the rest.
            let marker = ",\"hash\":\""
            let range = try #require(line.range(of: marker, options: .backwards))
            let body = String(line[..<range.lowerBound]) + "}"
            #expect(Hex.string(SHA256.hash(data: Data(body.utf8))) == entry.hash)
            #expect(line.hasPrefix("{\"seq\":\(entry.sequence),\"prev\":\"\(entry.previousHash)\",\"tenant\":\"acme\""))
        }
    }

    @Test func reopeningContinuesTheChain() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let clock = TestClock()
        let stored = try await populate(folder, clock: clock, count: 2)
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
        let third = try await archive.store(sampleDocument(3), metadata("F-9"))
        #expect(third.sequence == 3 && third.previousHash == stored[1].hash)
        await archive.close()
        #expect(try await verifyFolder(folder).isValid)
    }

    @Test func secondWriterOnTheSameFolderIsRefused() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(TestClock()))
        await #expect(throws: ArchiveError.locked(path: folder.archive.standardizedFileURL.path)) {
            _ = try await LegalArchive.open(directory: folder.archive, configuration: configuration(TestClock()))
        }
        await archive.close()
        let again = try await LegalArchive.open(directory: folder.archive, configuration: configuration(TestClock()))
        await again.close()
    }

    @Test func deletingBeforeRetentionEndsIsRefused() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let clock = TestClock()
        let archive = try await LegalArchive.open(
            directory: folder.archive,
            configuration: configuration(clock, retention: RetentionPolicy(defaultYears: 10, yearsByKind: ["receipt": 1])))
        let invoice = try await archive.store(sampleDocument(1), metadata("F-1"))
        let receipt = try await archive.store(sampleDocument(2), metadata("F-1", .receipt))
        let inSixMonths = clock.now.addingTimeInterval(183 * 86_400)
        await #expect(throws: ArchiveError.retentionNotExpired(sequence: 1, retainUntil: invoice.retainUntil)) {
            try await archive.delete(sequence: 1, asOf: inSixMonths)
        }
        #expect(await archive.expired(asOf: inSixMonths).isEmpty)
        let inTwoYears = clock.now.addingTimeInterval(2 * 366 * 86_400)
        #expect(await archive.expired(asOf: inTwoYears).map(\.sequence) == [receipt.sequence])
        clock.advance(by: 2 * 366 * 86_400)
        let report = try #require(try await archive.purge(asOf: clock.now))
        #expect(report.purgedSequences == [2])
        #expect(report.removedBlobs == 1)
        #expect(report.entry.kind == .purge && report.entry.sequence == 3)
        #expect(!FileManager.default.fileExists(atPath: folder.file("blobs/\(receipt.blobHash.prefix(2))/\(receipt.blobHash)").path))
        await #expect(throws: ArchiveError.documentMissing(sequence: 2, sha256: receipt.blobHash)) {
            _ = try await archive.document(receipt)
        }
        #expect(try await archive.document(invoice) == sampleDocument(1))
        await archive.close()
        let verified = try await verifyFolder(folder)
        #expect(verified.isValid, "\(verified.summary)")
        #expect(verified.purgedDocuments == 1)
    }

    @Test func aMissingBlobWithoutPurgeIsReported() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let stored = try await populate(folder, clock: TestClock(), count: 4)
        let victim = stored[2]
        try FileManager.default.removeItem(at: folder.file("blobs/\(victim.blobHash.prefix(2))/\(victim.blobHash)"))
        let report = try await verifyFolder(folder)
        let failure = try #require(report.failure)
        #expect(failure.place == .entry(3))
        #expect(failure.field == "blob")
        #expect(failure.found == "missing")
    }
}

@Suite("Archive: batch store")
struct BatchStoreTests {
    @Test func aBatchIsConsecutiveChainedAndStoredOnce() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let clock = TestClock()
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
        let first = try await archive.store(sampleDocument(0), metadata("F-0"))
        let batch = [sampleDocument(1), sampleDocument(2), sampleDocument(1)].enumerated().map {
            (document: $0.element, metadata: metadata("F-\($0.offset + 1)"))
        }
        let stored = try await archive.store(batch: batch)
        #expect(stored.map(\.sequence) == [2, 3, 4])
        #expect(stored[0].previousHash == first.hash && stored[1].previousHash == stored[0].hash)
        #expect(stored[2].blobHash == stored[0].blobHash)
        #expect(try await archive.document(stored[1]) == sampleDocument(2))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("tmp").path).isEmpty)
        await archive.close()
        let lines = try journalLines(folder)
        #expect(lines.count == 4)
        let report = try await verifyFolder(folder)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.documentsHashed == 4)
    }
}
