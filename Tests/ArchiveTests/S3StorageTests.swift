import Crypto
import Foundation
import Testing

@testable import Archive

/// The S3 backend against moto's S3 server (a local stand-in: see docs/archive.md for what it does and does not
/// enforce compared with AWS).
@Suite("Archive: S3 storage with Object Lock (moto)")
struct S3StorageTests {
    private let key = Curve25519.Signing.PrivateKey()

    private func settings(_ clock: TestClock, retention: RetentionPolicy = RetentionPolicy()) -> ArchiveConfiguration {
        ArchiveConfiguration(retention: retention, signingKey: key, clock: { clock.now })
    }

    private func storage(_ location: S3Location, pageSize: Int = 1000) -> S3ArchiveStorage {
        S3ArchiveStorage(location: location, credentials: MotoS3Server.credentials, listPageSize: pageSize)
    }

    @Test func signaturesMatchAWSPublishedExample() {
        // S3 API reference, "Example: GET Object" (examplebucket, 2013-05-24, the documentation's example keys).
        let signer = S3Signer(
            credentials: S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                                       secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1")
        var headers = ["host": "examplebucket.s3.amazonaws.com", "range": "bytes=0-9"]
        signer.sign(method: "GET", path: "/test.txt", query: [], headers: &headers,
                    payloadSHA256: Digest.sha256(Data()), date: Date(timeIntervalSince1970: 1_369_353_600))
        #expect(headers["authorization"] == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
            + "aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func storeSealVerifyAndReadBackFromALockedBucket() async throws {
        let moto = try await MotoServers.shared.server()
        let location = try await moto.lockedBucket()
        let clock = TestClock(Date())
        let archive = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        var stored: [ArchiveEntry] = []
        for index in 1...3 {
            stored.append(try await archive.store(sampleDocument(index), metadata("F-\(index)")))
        }
        stored += try await archive.store(batch: (4...6).map { (sampleDocument($0), metadata("F-\($0)", .receipt)) })
        try await archive.seal()
        try await archive.store(sampleDocument(1), metadata("F-1", .ubl))  // the same bytes: stored once
        try await archive.seal()
        await archive.close()

        // Another node: reads the journal back page by page (2 keys a LIST page) and verifies everything.
        let reader = storage(location, pageSize: 2)
        let report = try await ArchiveVerifier(storage: reader).verify(full: true)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.entriesChecked == 7 && report.sealsChecked == 2 && report.documentsHashed == 7)
        let reopened = try await LegalArchive.open(storage: reader, configuration: settings(clock), writer: false)
        #expect(await reopened.count == 7)
        for entry in stored {
            let document = try await reopened.document(try #require(await reopened.entry(sequence: entry.sequence)))
            #expect(document == sampleDocument(entry.sequence))
        }
        // Each object is locked in compliance mode until its entry's retention end (to the second).
        let client = S3Client(location: location, credentials: MotoS3Server.credentials)
        let head = try await client.send("HEAD", key: "archive/blobs/\(stored[0].blobHash)")
        #expect(head.headers["x-amz-object-lock-mode"] == "COMPLIANCE")
        let until = try #require(head.headers["x-amz-object-lock-retain-until-date"].flatMap(S3Dates.parse))
        #expect(abs(until.timeIntervalSince(stored[0].retainUntil)) < 2)
    }

    @Test func lockedObjectsCannotBeDeletedOrOverwrittenBeforeTheirRetentionEnds() async throws {
        let moto = try await MotoServers.shared.server()
        let location = try await moto.lockedBucket()
        let clock = TestClock(Date())
        let archive = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        let entry = try await archive.store(sampleDocument(1), metadata("F-1"))
        await archive.close()
        let client = S3Client(location: location, credentials: MotoS3Server.credentials)
        let blob = "archive/blobs/\(entry.blobHash)"

        // Deleting the locked version: refused by the lock.
        let storage = storage(location)
        await #expect(throws: ArchiveError.self) { try await storage.deleteBlob(entry.blobHash) }
        let head = try await client.send("HEAD", key: blob)
        let version = try #require(head.headers["x-amz-version-id"])
        let delete = try await client.send("DELETE", key: blob, query: [("versionId", version)])
        #expect(delete.status == 403 && delete.errorCode == "AccessDenied", "\(delete.status) \(delete.errorCode)")

        // Overwriting with the archive's conditional PUT: refused (412). A plain PUT makes a NEW version; the
        // locked one is still there, byte for byte.
        let other = Array("forged".utf8)
        let conditional = try await client.send("PUT", key: blob, headers: ["if-none-match": "*"], body: other)
        #expect(conditional.status == 412)
        let journal = try await client.send("PUT", key: "archive/journal/000000000001", headers: ["if-none-match": "*"],
                                            body: other)
        #expect(journal.status == 412)
        let plain = try await client.send("PUT", key: blob, body: other)
        #expect(plain.status == 200)
        let original = try await client.send("GET", key: blob, query: [("versionId", version)])
        #expect(original.body == Array(sampleDocument(1)))
        // verify sees the forged latest version.
        let report = try await ArchiveVerifier(storage: storage).verify(full: true)
        #expect(report.failure?.sequence == 1 && report.failure?.field == "blob", "\(report.summary)")
    }

    @Test func aDocumentStoredAgainKeepsTheLongerLock() async throws {
        let moto = try await MotoServers.shared.server()
        let location = try await moto.lockedBucket()
        let clock = TestClock(Date())
        let retention = RetentionPolicy(defaultYears: 10, yearsByKind: ["receipt": 1])
        let archive = try await LegalArchive.open(storage: storage(location), configuration: settings(clock, retention: retention))
        let short = try await archive.store(sampleDocument(1), metadata("F-1", .receipt))
        let client = S3Client(location: location, credentials: MotoS3Server.credentials)
        func lockedUntil() async throws -> Date {
            let head = try await client.send("HEAD", key: "archive/blobs/\(short.blobHash)")
            return try #require(head.headers["x-amz-object-lock-retain-until-date"].flatMap(S3Dates.parse))
        }
        #expect(abs(try await lockedUntil().timeIntervalSince(short.retainUntil)) < 2)
        let long = try await archive.store(sampleDocument(1), metadata("F-1", .cii))  // same bytes, 10 years
        #expect(abs(try await lockedUntil().timeIntervalSince(long.retainUntil)) < 2)
        try await archive.store(sampleDocument(1), metadata("F-1", .receipt))  // shorter again: the lock stays
        #expect(abs(try await lockedUntil().timeIntervalSince(long.retainUntil)) < 2)
        await archive.close()
    }

    @Test func aLockWhoseRetentionEndedCanBeDeleted() async throws {
        let moto = try await MotoServers.shared.server()
        let location = try await moto.lockedBucket()
        // Archived two years ago with a 1-year retention: the lock ended a year ago.
        let clock = TestClock(Date().addingTimeInterval(-2 * 366 * 86_400))
        let archive = try await LegalArchive.open(
            storage: storage(location), configuration: settings(clock, retention: RetentionPolicy(defaultYears: 1)))
        let entry = try await archive.store(sampleDocument(1), metadata("F-1"))
        clock.advance(by: 2 * 366 * 86_400)
        let report = try #require(try await archive.purge(asOf: clock.now))
        #expect(report.purgedSequences == [1] && report.removedBlobs == 1)
        await archive.close()
        #expect(try await storage(location).digestBlob(entry.blobHash) == nil)
        #expect(try await ArchiveVerifier(storage: storage(location)).verify(full: true).isValid)
    }

    @Test func twoNodesNeverForkTheJournal() async throws {
        let moto = try await MotoServers.shared.server()
        let location = try await moto.lockedBucket()
        let clock = TestClock(Date())
        let first = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        let second = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        try await first.store(sampleDocument(1), metadata("F-1"))
        // The second node still believes the journal is empty: its entry 1 is refused, nothing is overwritten.
        do {
            try await second.store(sampleDocument(2), metadata("F-2"))
            Issue.record("a second writer appended over entry 1")
        } catch let error as ArchiveError {
            #expect(error == .concurrentWriter(log: "journal", line: 1))
        }
        await #expect(throws: ArchiveError.self) { try await second.store(sampleDocument(3), metadata("F-3")) }
        await second.close()
        let reopened = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        #expect(await reopened.count == 1)
        try await reopened.store(sampleDocument(2), metadata("F-2"))
        try await reopened.seal()
        await reopened.close()
        await first.close()

        // Both at once from the same state: exactly one wins.
        let nodeA = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        let nodeB = try await LegalArchive.open(storage: storage(location), configuration: settings(clock))
        async let a = Result(catching: { try await nodeA.store(sampleDocument(10), metadata("F-10")) })
        async let b = Result(catching: { try await nodeB.store(sampleDocument(11), metadata("F-11")) })
        let outcomes = await [a, b]
        #expect(outcomes.filter { if case .success = $0 { true } else { false } }.count == 1)
        await nodeA.close()
        await nodeB.close()
        let report = try await ArchiveVerifier(storage: storage(location)).verify(full: true)
        #expect(report.isValid && report.entriesChecked == 3, "\(report.summary)")
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
