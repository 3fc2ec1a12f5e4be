import Foundation
import Testing

@testable import Archive

/// Exports a real archive, checks it with Passerelle, then unzips it and runs the README's own commands
/// (`sha256sum -c`, `openssl pkeyutl -verify`) as an auditor would.
@Suite("Archive: export")
struct ExportTests {
    private func exportedArchive(_ folder: TempFolder) async throws -> (URL, ExportSummary) {
        let clock = TestClock()
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
        for index in 1...5 {
            clock.advance(by: 3600)
            try await archive.store(sampleDocument(index), metadata("F-\(index)", tenant: index == 3 ? "other" : "acme"))
            if index == 2 { try await archive.seal() }
        }
        try await archive.seal()
        let zip = folder.url.appendingPathComponent("export.zip")
        let selection = ExportSelection(from: clock.now.addingTimeInterval(-86_400), to: clock.now.addingTimeInterval(1),
                                        tenant: "acme")
        let summary = try await archive.export(selection, to: zip)
        await archive.close()
        return (zip, summary)
    }

    @Test func exportVerifiesWithPasserelle() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let (zip, summary) = try await exportedArchive(folder)
        #expect(summary.entries == 4 && summary.documents == 4 && summary.seals == 2 && summary.unsealed == 0)
        let report = try ExportVerifier.verify(zip: zip)
        #expect(report.isValid, "\(report.summary)")
        #expect(report.documents == 4 && report.entries == 4 && report.seals == 2)
        let files = try ZipReader(contentsOf: zip)
        let manifest = String(decoding: try #require(files.files["manifest.csv"]), as: UTF8.self)
        #expect(!manifest.contains(",other,"))
        #expect(manifest.split(separator: "\r\n").count == 5)
        #expect(files.names.contains("seals/seal-000001.msg") && files.names.contains("seals/seal-000002.sig"))
    }

    @Test func readmeCommandsPassWithStandardTools() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let (zip, _) = try await exportedArchive(folder)
        let unpacked = try unzip(zip, into: folder.url.appendingPathComponent("good"))
        let commands = try readmeCommands(unpacked)
        #expect(commands.count == 3)  // sha256sum + one openssl per seal
        for command in commands {
            let result = try shell(command, in: unpacked)
            #expect(result.status == 0, "\(command): \(result.output)")
        }
    }

    @Test func aTamperedExportFailsPasserelleAndTheStandardTools() async throws {
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let (zip, _) = try await exportedArchive(folder)
        let unpacked = try unzip(zip, into: folder.url.appendingPathComponent("bad"))
        // One document's byte and one seal message's byte changed, then zipped again.
        let documents = try FileManager.default.contentsOfDirectory(atPath: unpacked.appendingPathComponent("documents").path).sorted()
        let document = unpacked.appendingPathComponent("documents/\(try #require(documents.first))")
        var bytes = try Data(contentsOf: document)
        bytes[0] ^= 0x20
        try bytes.write(to: document)
        let message = unpacked.appendingPathComponent("seals/seal-000001.msg")
        var signed = try Data(contentsOf: message)
        signed[signed.count - 3] ^= 0x01
        try signed.write(to: message)

        let commands = try readmeCommands(unpacked)
        #expect(commands.count == 3)
        for command in commands {
            let result = try shell(command, in: unpacked)
            if command.hasPrefix("sha256sum") || command.contains("seal-000001") {
                #expect(result.status != 0, "\(command) should fail: \(result.output)")
            } else {
                #expect(result.status == 0, "\(command) (untouched seal) should pass: \(result.output)")
            }
        }

        let files = try ZipReader(contentsOf: zip)
        var writer = try ZipWriter(creating: folder.url.appendingPathComponent("tampered.zip"), modified: Date())
        for name in files.names {
            let path = unpacked.appendingPathComponent(name)
            try writer.add(name, try Data(contentsOf: path))
        }
        try writer.finish()
        let report = try ExportVerifier.verify(zip: folder.url.appendingPathComponent("tampered.zip"))
        let failure = try #require(report.failure)
        #expect(failure.place == .file("documents/\(try #require(documents.first))"))
        #expect(failure.field == "sha256")
    }

    private func unzip(_ zip: URL, into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
            let result = try shell("/usr/bin/unzip -q '\(zip.path)' -d '\(folder.path)'", in: folder)
            #expect(result.status == 0, "unzip: \(result.output)")
        } else {
            let files = try ZipReader(contentsOf: zip)
            for (name, data) in files.files {
                let target = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        }
        return folder
    }

    /// The README's command lines (`  $ …`).
    private func readmeCommands(_ folder: URL) throws -> [String] {
        let readme = try String(contentsOf: folder.appendingPathComponent("README.txt"), encoding: .utf8)
        return readme.split(separator: "\n").filter { $0.hasPrefix("  $ ") }.map { String($0.dropFirst(4)) }
    }

    private func shell(_ command: String, in folder: URL) throws -> (status: Int32, output: String) {
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
}
