import Archive
import ArgumentParser
import Foundation

struct ArchiveVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash documents and journal, check the chain, Merkle roots and seal signatures.",
        discussion: """
            Incremental by default: entries up to the seal recorded in verified.json by the last successful run \
            are not re-hashed (only the hash of its last entry and of the seal are checked). --full re-checks \
            everything. Prints the first broken place (entry or seal, field, expected, found) and exits 1.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Re-check everything, ignoring verified.json.")
    var full = false

    @Option(help: "Fail when a seal from this number on has no RFC 3161 timestamp (1: every seal).")
    var requireTimestampsFrom: Int?

    func run() async throws {
        let storage = try archive.readStorage()
        var verifier = ArchiveVerifier(storage: storage)
        verifier.timestamps = TimestampVerification(
            trust: try archive.timestampTrust(), tolerance: archive.tsaTolerance, requiredFromSeal: requireTimestampsFrom)
        let report = try await verifier.verify(full: full)
        print(report.summary)
        if !report.isValid { throw ExitCode(1) }
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
