import Archive
import ArgumentParser
import Foundation

/// `passerelle archive bench`: archive N documents, verify them all, and hash the same blob files with
/// `sha256sum` in the same run for comparison.
struct ArchiveBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure archiving and verification speed next to sha256sum on the same files.",
        discussion: "Build in release first: swift build -c release --product passerelle && .build/release/passerelle archive bench")

    @Option(help: "Documents.")
    var count = 100_000

    @Option(help: "Bytes per document.")
    var size = 20_480

    @Option(help: "Documents per store call (1: one store and three fsyncs per document).")
    var batch = 100

    @Option(help: "Folder for the benchmark archive (default: a new temporary folder, removed afterwards).")
    var path: String?

    @Option(help: "Concurrent hashing tasks for verify (default: the number of cores).")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let folder = URL(fileURLWithPath: path ?? NSTemporaryDirectory() + "passerelle-archive-bench-\(UUID().uuidString)")
        defer { if path == nil { try? FileManager.default.removeItem(at: folder) } }
        let megabytes = Double(count) * Double(size) / 1_048_576
        print("archive bench: \(count) documents of \(size) bytes (\(String(format: "%.1f", megabytes)) MiB) in \(folder.path)")

        let legal = try await LegalArchive.open(directory: folder)
        var seconds = try await Self.time {
            var pending: [(document: Data, metadata: DocumentMetadata)] = []
            for index in 1...max(count, 1) {
                let document = GeneratedDocument.bytes(size: size, seed: "bench-\(index)")
                pending.append((document, DocumentMetadata(
                    tenant: "bench", invoiceID: "B-\(index)", kind: .cii, mediaType: "application/xml")))
                if pending.count >= max(batch, 1) || index == count {
                    if pending.count == 1, let only = pending.first {
                        try await legal.store(only.document, only.metadata)
                    } else {
                        try await legal.store(batch: pending)
                    }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try await legal.seal()
        }
        await legal.close()
        print(Self.row("store (batches of \(batch)) + seal", count: count, megabytes: megabytes, seconds: seconds))

        let storage = try FileArchiveStorage(directory: folder, writer: false)
        var report: VerificationReport?
        seconds = try await Self.time {
            report = try await ArchiveVerifier(storage: storage, workers: workers).verify(full: true, recordState: false)
        }
        guard let parallel = report, parallel.isValid else { throw ValidationError("verify failed: \(report?.summary ?? "")") }
        print(Self.row("verify --full (\(workers) tasks)", count: count, megabytes: megabytes, seconds: seconds))
        let verifySeconds = seconds

        seconds = try await Self.time {
            report = try await ArchiveVerifier(storage: storage, workers: 1).verify(full: true, recordState: false)
        }
        guard report?.isValid == true else { throw ValidationError("verify failed: \(report?.summary ?? "")") }
        print(Self.row("verify --full (1 task)", count: count, megabytes: megabytes, seconds: seconds))
        let singleSeconds = seconds

        let shell = "cd '\(folder.path)/blobs' && find . -type f -print0 | xargs -0 sha256sum > /dev/null"
        seconds = try await Self.time {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ValidationError("sha256sum failed") }
        }
        print(Self.row("sha256sum (find | xargs)", count: count, megabytes: megabytes, seconds: seconds))
        print(String(format: "verify speed / sha256sum speed: %.2f (%d tasks), %.2f (1 task); goal ≥ 0.80",
                     seconds / verifySeconds, workers, seconds / singleSeconds))
    }

    static func time(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func row(_ label: String, count: Int, megabytes: Double, seconds: Double) -> String {
        label.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(format: "%8.2f s %10.0f documents/s %8.1f MiB/s", seconds, Double(count) / seconds, megabytes / seconds)
    }
}
