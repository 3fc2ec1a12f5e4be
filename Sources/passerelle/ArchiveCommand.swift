import Archive
import ArgumentParser
import Foundation

/// `passerelle archive …`: the legal archive (docs/archive.md).
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "The legal archive: store, seal, verify and export archived documents.",
        subcommands: [
            ArchiveVerifyCommand.self, ArchiveSealCommand.self, ArchiveExportCommand.self,
            ArchiveVerifyExportCommand.self, ArchiveStoreCommand.self, ArchivePurgeCommand.self,
            ArchiveBenchCommand.self, ArchiveStressCommand.self,
        ]
    )
}

/// Options every archive subcommand shares.
struct ArchiveOptions: ParsableArguments {
    @Option(help: "Archive folder.")
    var path = "passerelle-data/archive"

    @Option(help: "Ed25519 signing key for seals: PEM PKCS#8 or base64 seed (default: <path>/keys/signing-key.pem, created on first use).")
    var key: String?

    @Option(help: "Retention per document kind, in years: KIND=YEARS (repeatable; default 10 years for every kind).")
    var retention: [String] = []

    var directory: URL { URL(fileURLWithPath: path) }

    func configuration() throws -> ArchiveConfiguration {
        var policy = RetentionPolicy()
        for item in retention {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let years = Int(parts[1]), years >= 0 else {
                throw ValidationError("--retention takes KIND=YEARS, e.g. receipt=6 (got \(item))")
            }
            if parts[0] == "default" { policy.defaultYears = years } else { policy.yearsByKind[parts[0]] = years }
        }
        return ArchiveConfiguration(retention: policy, signingKeyPath: key)
    }

    func openWriter() async throws -> LegalArchive {
        try await LegalArchive.open(directory: directory, configuration: configuration(), writer: true)
    }
}

/// Dates on the command line: `2026-01-31` (00:00 UTC) or a full ISO 8601 time.
enum ArchiveDate {
    static func parse(_ text: String, option: String, endOfDay: Bool = false) throws -> Date {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard let date = day.date(from: text) else {
            throw ValidationError("\(option) takes a date (2026-01-31) or an ISO 8601 time (got \(text))")
        }
        return endOfDay ? date.addingTimeInterval(86_400) : date
    }
}

/// Writes to stdout without buffering (a killed process must not lose what it printed).
enum UnbufferedOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
