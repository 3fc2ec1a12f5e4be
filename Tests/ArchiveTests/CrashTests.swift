import Foundation
import Testing

@testable import Archive

#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `passerelle archive stress` binary, kills it with SIGKILL mid-way several times, and checks that
/// every document it acknowledged is in the archive and that the archive verifies.
@Suite("Archive: crash (SIGKILL) survival")
struct CrashTests {
    static let binary: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/passerelle")

    @Test func acknowledgedDocumentsSurviveSIGKILL() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            Issue.record("build the executable first: swift build --build-tests (looked for \(Self.binary.path))")
            return
        }
        let folder = try TempFolder()
        defer { folder.cleanup() }
        var acknowledged: [Int: String] = [:]
        var kills = 0
        let targets = [37, 81, 12, 55, 120]
        let minimum = targets.reduce(0, +)
        for (round, target) in targets.enumerated() {
            let result = try runAndKill(folder.archive, afterAcks: target)
            #expect(result.acks.count >= target, "round \(round): \(result.acks.count) acks, stderr: \(result.stderr)")
            if result.killed { kills += 1 }
            for (sequence, sha256) in result.acks {
                #expect(acknowledged[sequence] == nil, "sequence \(sequence) acknowledged twice")
                acknowledged[sequence] = sha256
            }
        }
        #expect(kills == 5)

        let storage = try FileArchiveStorage(directory: folder.archive, writer: false)
        let report = try await ArchiveVerifier(storage: storage).verify(full: true)
        #expect(report.isValid, "\(report.summary)")
        let archive = try await LegalArchive.open(directory: folder.archive, configuration: ArchiveConfiguration(), writer: false)
        for (sequence, sha256) in acknowledged {
            let entry = await archive.entry(sequence: sequence)
            #expect(entry?.blobHash == sha256, "acknowledged entry \(sequence) lost or changed")
            if let entry { #expect(try await archive.document(entry).count == 4096) }
        }
        #expect(acknowledged.count >= minimum)
        await archive.close()
    }

    private struct Run {
        var acks: [(Int, String)] = []
        var killed = false
        var stderr = ""
    }

    /// Starts the stress command, sends SIGKILL once `afterAcks` acknowledgements were read, collects every
    /// acknowledgement printed before death.
    private func runAndKill(_ archive: URL, afterAcks: Int) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["archive", "stress", "--path", archive.path, "--count", "100000", "--size", "4096",
                             "--seal-every", "25"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var run = Run()
        var buffer = Data()
        var seen = 0
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0a) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                let parts = line.split(separator: " ")
                if parts.count == 3, parts[0] == "ack", let sequence = Int(parts[1]) {
                    run.acks.append((sequence, String(parts[2])))
                    seen += 1
                }
            }
            if seen >= afterAcks, !run.killed {
                kill(process.processIdentifier, SIGKILL)
                run.killed = true
            }
        }
        process.waitUntilExit()
        run.stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return run
    }
}
