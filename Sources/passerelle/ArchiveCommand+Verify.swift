import Archive
import ArgumentParser
import Foundation
import GatewayArchive

struct ArchiveVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash documents and journal, check the chain, Merkle roots and seal signatures.",
        discussion: """
            Incremental by default: entries up to the seal recorded in verified.json by the last successful run \
            are not re-hashed (only the hash of its last entry and of the seal are checked). --full re-checks \
            everything. Prints the first broken place (entry or seal, field, expected, found) and exits 1.

            The archive root of `passerelle serve` holds one journal per node (nodes/<node>/): each is verified on \
            its own, and the command exits 1 when any fails.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Re-check everything, ignoring verified.json.")
    var full = false

    @Option(help: "Fail when a seal from this number on has no RFC 3161 timestamp (1: every seal).")
    var requireTimestampsFrom: Int?

    func run() async throws {
        let timestamps = TimestampVerification(
            trust: try archive.timestampTrust(), tolerance: archive.tsaTolerance, requiredFromSeal: requireTimestampsFrom)
        if archive.s3 != nil {
            var verifier = ArchiveVerifier(storage: try archive.readStorage())
            verifier.timestamps = timestamps
            let report = try await verifier.verify(full: full)
            print(report.summary)
            if !report.isValid { throw ExitCode(1) }
            return
        }
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw ValidationError("no archive at \(archive.path)")
        }
        let nodes = ArchiveRoot.nodes(in: archive.directory)
        var folders: [(name: String?, url: URL)] = nodes.map {
            ($0, ArchiveRoot.folder(of: $0, in: archive.directory))
        }
        let rootJournal = archive.directory.appendingPathComponent("journal.jsonl").path
        if nodes.isEmpty || FileManager.default.fileExists(atPath: rootJournal) {
            folders.insert((nil, archive.directory), at: 0)
        }
        var failed = 0
        for folder in folders {
            let storage = try FileArchiveStorage(directory: folder.url, writer: false)
            var verifier = ArchiveVerifier(storage: storage)
            verifier.timestamps = timestamps
            let report = try await verifier.verify(full: full)
            if let name = folder.name { print("journal \(name) (nodes/\(name)):") }
            print(report.summary)
            if !report.isValid { failed += 1 }
        }
        if folders.count > 1 {
            print(failed == 0
                ? "all \(folders.count) journals verified" : "\(failed) of \(folders.count) journals FAILED")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

struct ArchiveVerifyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-export",
        abstract: "Check an export ZIP on its own: checksums, entry hashes, Merkle roots, signatures."
    )

    @Argument(help: "The export ZIP.")
    var file: String

    func run() throws {
        let report = try ExportVerifier.verify(zip: URL(fileURLWithPath: file))
        print(report.summary)
        if !report.isValid { throw ExitCode(1) }
    }
}
