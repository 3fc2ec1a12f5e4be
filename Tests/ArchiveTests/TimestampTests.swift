import Foundation
import Testing

@testable import Archive

/// RFC 3161 timestamps of seals, against OpenSSL's own responder (`scripts/tsa-for-tests`).
@Suite("Archive: RFC 3161 timestamps")
struct TimestampTests {
    private func stampedArchive(_ folder: TempFolder, tsa: StandInTSA, clock: TestClock = TestClock())
        async throws -> LegalArchive {
        var settings = configuration(clock)
        settings.timestamping = try tsa.configuration()
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: settings)
        for index in 1...5 {
            clock.advance(by: 60)
            try await archive.store(sampleDocument(index), metadata("F-\(index)"))
            if index == 3 { try await archive.seal() }
        }
        try await archive.seal()
        return archive
    }

    private func verify(_ folder: TempFolder, trust: TimestampTrust?, requiredFrom: Int? = nil) async throws
        -> VerificationReport {
        let storage = try FileArchiveStorage(directory: folder.archive, writer: false)
        var verifier = ArchiveVerifier(storage: storage)
        verifier.timestamps = TimestampVerification(trust: trust, requiredFromSeal: requiredFrom)
        return try await verifier.verify(full: true, recordState: false)
    }

    @Test(arguments: ["rsa", "ec"])
    func eachSealGetsATokenThatVerifies(keyType: String) async throws {
        let tsa = try await StandInTSAs.shared.tsa(keyType)
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let archive = try await stampedArchive(folder, tsa: tsa)
        let seals = await archive.allSeals
        let records = await archive.timestamps
        await archive.close()
        #expect(records.map(\.sealNumber) == [1, 2])
        for (record, seal) in zip(records, seals) {
            let token = try TimestampToken(derEncoded: record.token)
            #expect(Hex.string(token.info.hashedMessage) == seal.hash)
            #expect(token.info.nonceHex == record.nonceHex)
            #expect(!token.certificates.isEmpty)  // certReq was sent
        }
        let report = try await verify(folder, trust: try tsa.trust(), requiredFrom: 1)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.timestampsChecked == 2)
        // Reopened, the archive knows its tokens and has nothing left to stamp.
        var settings = configuration(TestClock())
        settings.timestamping = try tsa.configuration()
        let reopened = try await LegalArchive.open(directory: folder.archive, configuration: settings)
        #expect(await reopened.timestamps.count == 2)
        #expect(try await reopened.timestampSeals().isEmpty)
        await reopened.close()
    }

    @Test func theRequestIsWhatOpenSSLReadsAsAnRFC3161Query() throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let hash = Array(repeating: UInt8(0xab), count: 32)
        let request = TimestampRequest(sha256: hash, nonce: 0x1234_5678_9abc)
        let file = folder.url.appendingPathComponent("query.tsq")
        try Data(try request.derEncoded()).write(to: file)
        let result = try runShell("openssl ts -query -in '\(file.path)' -text", in: folder.url)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Hash Algorithm: sha256"))
        #expect(result.output.contains("0010 - ab ab ab ab ab ab ab ab-ab ab ab ab ab ab ab ab"))
        #expect(result.output.contains("Nonce: 0x123456789ABC"))
        #expect(result.output.contains("Certificate required: yes"))
    }

    @Test func aTamperedTokenIsReportedWithItsSeal() async throws {
        let tsa = try await StandInTSAs.shared.tsa("rsa")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        try await stampedArchive(folder, tsa: tsa).close()
        var lines = try journalLines(folder, "timestamps.jsonl")
        let decoder = JSONDecoder()
        var record = try TimestampRecord.parse(Array(lines[1].utf8), decoder: decoder)
        record.token[record.token.count - 5] ^= 0x01  // inside the CMS signature (the token's last field)
        lines[1] = String(decoding: record.line, as: UTF8.self)
        try writeLines(lines, folder, "timestamps.jsonl")
        let report = try await verify(folder, trust: try tsa.trust())
        let failure = try #require(report.failure)
        #expect(failure.sealNumber == 2)
        #expect(failure.field == "timestamp.signature")

        // The token of seal 2 put on seal 1: another hash was stamped.
        var moved = try TimestampRecord.parse(Array(lines[1].utf8), decoder: decoder)
        let first = try TimestampRecord.parse(Array(lines[0].utf8), decoder: decoder)
        moved = TimestampRecord(sealNumber: 1, sealHash: first.sealHash, authorityURL: moved.authorityURL,
                                nonceHex: moved.nonceHex, token: moved.token)
        try writeLines([String(decoding: moved.line, as: UTF8.self)], folder, "timestamps.jsonl")
        let swapped = try #require(try await verify(folder, trust: try tsa.trust()).failure)
        #expect(swapped.sealNumber == 1)
        #expect(swapped.field == "timestamp.messageImprint")
    }

    @Test func tokensOfAnotherTSAAreRefused() async throws {
        let rsa = try await StandInTSAs.shared.tsa("rsa")
        let other = try await StandInTSAs.shared.tsa("ec")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        try await stampedArchive(folder, tsa: rsa).close()
        let report = try await verify(folder, trust: try other.trust())
        let failure = try #require(report.failure)
        #expect(failure.sealNumber == 1)
        #expect(failure.field == "timestamp.signature")
        #expect(failure.found.contains("does not chain"))

        // Asking TSA "rsa" while trusting only "ec": the seal is stored, the token refused, nothing recorded.
        let second = try TempFolder()
        defer { second.cleanup() }
        var settings = configuration(TestClock())
        settings.timestamping = TimestampingConfiguration(authorityURL: rsa.url, trust: try other.trust())
        let archive = try await LegalArchive.open(directory: second.archive, configuration: settings)
        try await archive.store(sampleDocument(1), metadata("F-1"))
        await #expect(throws: ArchiveError.self) { try await archive.seal() }
        #expect(await archive.allSeals.count == 1)
        #expect(await archive.unstampedSeals().map(\.number) == [1])
        #expect(await archive.timestamps.isEmpty)
        await archive.close()
    }

    @Test func aTokenOlderThanItsSealIsRefused() async throws {
        let tsa = try await StandInTSAs.shared.tsa("rsa")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        // The archive's clock runs a day ahead of the TSA's: genTime is before the seal's time minus 5 minutes.
        let clock = TestClock(Date().addingTimeInterval(86_400))
        var settings = configuration(clock)
        settings.timestamping = try tsa.configuration()
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: settings)
        try await archive.store(sampleDocument(1), metadata("F-1"))
        do {
            try await archive.seal()
            Issue.record("a token older than its seal was accepted")
        } catch let error as ArchiveError {
            guard case .timestamp(let seal, let reason) = error else { throw error }
            #expect(seal == 1)
            #expect(reason.contains("timestamp.genTime"), "\(reason)")
        }
        await archive.close()
    }

    @Test func anUnreachableTSAKeepsTheSealAndIsRetriedLater() async throws {
        let tsa = try await StandInTSAs.shared.tsa("rsa")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let clock = TestClock()
        var down = configuration(clock)
        down.timestamping = TimestampingConfiguration(
            authorityURL: "http://127.0.0.1:9/tsa", trust: try tsa.trust(), requestTimeout: .seconds(5))
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: down)
        try await archive.store(sampleDocument(1), metadata("F-1"))
        await #expect(throws: ArchiveError.self) { try await archive.seal() }
        #expect(await archive.allSeals.count == 1)
        await archive.close()
        // Unstamped seals are a note, or a failure when timestamps are required.
        let lenient = try await verify(folder, trust: try tsa.trust())
        #expect(lenient.isValid && lenient.notes.contains { $0.contains("no RFC 3161 timestamp") })
        let strict = try #require(try await verify(folder, trust: try tsa.trust(), requiredFrom: 1).failure)
        #expect(strict.sealNumber == 1 && strict.field == "timestamp")

        var up = configuration(clock)
        up.timestamping = try tsa.configuration()
        let reopened = try await LegalArchive.open(directory: folder.archive, configuration: up)
        #expect(try await reopened.timestampSeals() == [1])
        await reopened.close()
        #expect(try await verify(folder, trust: try tsa.trust(), requiredFrom: 1).isValid)
    }
}

func runShell(_ command: String, in folder: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
