import Archive
import ArgumentParser
import Foundation

struct ArchiveSealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal", abstract: "Seal the entries written since the last seal (Merkle root, Ed25519).")

    @OptionGroup var archive: ArchiveOptions

    func run() async throws {
        let legal = try await archive.openWriter()
        do {
            let seal = try await legal.seal()
            if let seal {
                print("seal \(seal.number): entries \(seal.firstSequence)…\(seal.lastSequence), root \(seal.merkleRoot), key \(seal.keyID)")
            } else {
                print("nothing to seal")
            }
            if archive.tsa != nil {
                let stamped = await legal.timestamps.filter { $0.sealNumber == seal?.number }
                if !stamped.isEmpty, let seal { print("seal \(seal.number): RFC 3161 timestamp from \(archive.tsa ?? "")") }
            }
            await legal.close()
        } catch {
            await legal.close()
            throw error
        }
    }
}

struct ArchiveTimestampCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timestamp",
        abstract: "Request RFC 3161 timestamps for the seals that have none (needs --tsa and --tsa-cert).")

    @OptionGroup var archive: ArchiveOptions

    func run() async throws {
        guard archive.tsa != nil else { throw ValidationError("give the TSA with --tsa URL --tsa-cert PEM") }
        let legal = try await archive.openWriter()
        do {
            let stamped = try await legal.timestampSeals()
            await legal.close()
            print(stamped.isEmpty ? "every seal already has a timestamp" : "timestamped seals \(stamped.map(String.init).joined(separator: ", "))")
        } catch {
            await legal.close()
            throw error
        }
    }
}

struct ArchiveExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export documents archived between two dates as one ZIP an auditor can check with sha256sum and openssl.",
        discussion: "Seals pending entries first (unless --no-seal). --to is inclusive for a plain date.")

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "First day (2026-01-01) or time, included.")
    var from: String

    @Option(help: "Last day, included (or a time, excluded).")
    var to: String

    @Option(help: "Only this tenant's documents.")
    var tenant: String?

    @Option(help: "The ZIP to write.")
    var output: String

    @Flag(help: "Do not seal pending entries before exporting.")
    var noSeal = false

    func run() async throws {
        let selection = ExportSelection(
            from: try ArchiveDate.parse(from, option: "--from"),
            to: try ArchiveDate.parse(to, option: "--to", endOfDay: !to.contains("T")), tenant: tenant)
        let legal = try await archive.openWriter()
        do {
            if !noSeal { try await legal.seal() }
            let summary = try await legal.export(selection, to: URL(fileURLWithPath: output))
            await legal.close()
            print("\(output): \(summary.entries) entries, \(summary.documents) documents, \(summary.seals) seals, "
                + "\(summary.timestamps) timestamps, \(summary.purged) purged, \(summary.unsealed) unsealed")
        } catch {
            await legal.close()
            throw error
        }
    }
}

struct ArchiveStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Archive a file.")

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "The document.")
    var file: String

    @Option(help: "Tenant.")
    var tenant = "default"

    @Option(help: "Invoice id.")
    var invoice: String

    @Option(help: "Document kind: original, cii, ubl, facturx, cdar, receipt, payment…")
    var kind = "original"

    @Option(help: "Media type.")
    var mediaType = "application/octet-stream"

    func run() async throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let legal = try await archive.openWriter()
        let entry = try await legal.store(
            bytes, DocumentMetadata(tenant: tenant, invoiceID: invoice, kind: DocumentKind(kind), mediaType: mediaType))
        await legal.close()
        print("entry \(entry.sequence): sha256 \(entry.blobHash), kept until \(entry.retainUntil.ISO8601Format())")
    }
}

struct ArchivePurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "List (--dry-run) or remove the documents whose retention has ended.")

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Only list what has expired.")
    var dryRun = false

    func run() async throws {
        let legal = try await archive.openWriter()
        let now = Date()
        let expired = await legal.expired(asOf: now)
        for entry in expired {
            print("entry \(entry.sequence) \(entry.tenant) \(entry.invoiceID) \(entry.kind) until \(entry.retainUntil.ISO8601Format())")
        }
        if !dryRun, let report = try await legal.purge(asOf: now) {
            print("purge entry \(report.entry.sequence): \(report.purgedSequences.count) documents, \(report.removedBlobs) blobs removed")
        } else if expired.isEmpty {
            print("nothing has expired")
        }
        await legal.close()
    }
}
