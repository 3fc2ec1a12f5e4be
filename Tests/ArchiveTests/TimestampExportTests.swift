import Foundation
import Testing

@testable import Archive

/// An export of a time-stamped archive carries the tokens and the TSA's CA, and its README's
/// `openssl ts -verify` commands (run exactly as written) pass, and fail once a token or a seal line is changed.
@Suite("Archive: export with RFC 3161 timestamps")
struct TimestampExportTests {
    private func export(_ folder: TempFolder, tsa: StandInTSA) async throws -> URL {
        let clock = TestClock()
        var settings = configuration(clock)
        settings.timestamping = try tsa.configuration()
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: settings)
        for index in 1...4 {
            clock.advance(by: 3600)
            try await archive.store(sampleDocument(index), metadata("F-\(index)"))
            if index == 2 { try await archive.seal() }
        }
        try await archive.seal()
        let zip = folder.url.appendingPathComponent("export.zip")
        let summary = try await archive.export(
            ExportSelection(from: clock.now.addingTimeInterval(-86_400), to: clock.now.addingTimeInterval(1)), to: zip)
        await archive.close()
        #expect(summary.seals == 2 && summary.timestamps == 2)
        return zip
    }

    private func unpack(_ zip: URL, into folder: URL) throws -> [String] {
        for (name, data) in try ZipReader(contentsOf: zip).files {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        let readme = try String(contentsOf: folder.appendingPathComponent("README.txt"), encoding: .utf8)
        return readme.split(separator: "\n").filter { $0.hasPrefix("  $ ") }.map { String($0.dropFirst(4)) }
    }

    @Test func theReadmeCommandsVerifyTheTokensWithOpenSSL() async throws {
        let tsa = try await StandInTSAs.shared.tsa("rsa")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let zip = try await export(folder, tsa: tsa)
        let report = try ExportVerifier.verify(zip: zip)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.timestamps == 2)

        let good = folder.url.appendingPathComponent("good")
        let commands = try unpack(zip, into: good)
        let stamps = commands.filter { $0.hasPrefix("openssl ts -verify") }
        #expect(commands.count == 5 && stamps.count == 2)  // sha256sum, 2 signatures, 2 tokens
        for command in commands {
            let result = try runShell(command, in: good)
            #expect(result.status == 0, "\(command): \(result.output)")
        }
        #expect(try runShell(stamps[0], in: good).output.contains("Verification: OK"))
    }

    @Test func aChangedTokenOrSealLineFailsOpenSSLAndVerifyExport() async throws {
        let tsa = try await StandInTSAs.shared.tsa("rsa")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let zip = try await export(folder, tsa: tsa)
        let bad = folder.url.appendingPathComponent("bad")
        let stamps = try unpack(zip, into: bad).filter { $0.hasPrefix("openssl ts -verify") }
        // Seal 1's token: one byte of its CMS signature. Seal 2's line: one digit of its time.
        let token = bad.appendingPathComponent("timestamps/seal-000001.tst")
        var bytes = try Data(contentsOf: token)
        bytes[bytes.count - 3] ^= 0x01
        try bytes.write(to: token)
        let sealsFile = bad.appendingPathComponent("seals/seals.jsonl")
        var sealLines = try String(contentsOf: sealsFile, encoding: .utf8).split(separator: "\n").map(String.init)
        sealLines[1] = sealLines[1].replacingOccurrences(of: "\"time\":17", with: "\"time\":18")
        try Data((sealLines.joined(separator: "\n") + "\n").utf8).write(to: sealsFile)
        for command in stamps {
            let result = try runShell(command, in: bad)
            #expect(result.status != 0, "\(command) should fail: \(result.output)")
        }

        // Zipped again with only the token file changed: it no longer matches timestamps.jsonl.
        let original = try ZipReader(contentsOf: zip)
        func rezip(_ name: String, replacing replaced: [String: Data]) throws -> URL {
            let url = folder.url.appendingPathComponent(name)
            var writer = try ZipWriter(creating: url, modified: Date())
            for file in original.names { try writer.add(file, try replaced[file] ?? #require(original.files[file])) }
            try writer.finish()
            return url
        }
        let tokenOnly = try rezip("token-only.zip", replacing: ["timestamps/seal-000001.tst": bytes])
        let mismatch = try #require(try ExportVerifier.verify(zip: tokenOnly).failure)
        #expect(mismatch.place == .file("timestamps/seal-000001.tst") && mismatch.field == "token")

        // The record changed too, consistently: the CMS signature no longer verifies, reported at seal 1.
        let lines = try #require(original.files["timestamps/timestamps.jsonl"]).split(separator: 0x0a).map { Array($0) }
        var record = try TimestampRecord.parse(lines[0], decoder: JSONDecoder())
        record.token = Array(bytes)
        let log = Data(([record.line] + lines.dropFirst()).flatMap { $0 + [0x0a] })
        let both = try rezip("both.zip", replacing: ["timestamps/seal-000001.tst": bytes, "timestamps/timestamps.jsonl": log])
        let failure = try #require(try ExportVerifier.verify(zip: both).failure)
        #expect(failure.sealNumber == 1)
        #expect(failure.field == "timestamp.signature")
    }
}
