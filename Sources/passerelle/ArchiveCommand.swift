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
            ArchiveBenchCommand.self, ArchiveStressCommand.self, ArchiveTimestampCommand.self,
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

    @Option(help: "RFC 3161 time-stamping authority URL: each new seal (and any seal not yet stamped) gets a token.")
    var tsa: String?

    @Option(help: "PEM of the TSA's CA (or of the TSA itself) that tokens must chain to; needed with --tsa, and lets verify check who signed the tokens.")
    var tsaCert: String?

    @Option(help: "How many seconds a token's genTime may be before its seal's time (clock skew).")
    var tsaTolerance: Double = 300

    @Option(help: "Keep the archive in S3 instead of --path: a path-style URL https://HOST/BUCKET[/PREFIX] of a bucket with Object Lock; credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN). Needs --key.")
    var s3: String?

    @Option(help: "The S3 region (default: AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1).")
    var s3Region: String?

    var directory: URL { URL(fileURLWithPath: path) }

    /// The S3 storage when --s3 is given. Log segments are locked as long as the longest retention.
    func s3Storage(retention: RetentionPolicy) throws -> S3ArchiveStorage? {
        guard let s3 else { return nil }
        let environment = ProcessInfo.processInfo.environment
        let region = s3Region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
        let longest = ([retention.defaultYears] + Array(retention.yearsByKind.values)).max() ?? retention.defaultYears
        return S3ArchiveStorage(location: try S3Location(url: s3, region: region),
                                credentials: try S3Credentials.fromEnvironment(),
                                logRetention: RetentionPolicy(defaultYears: longest))
    }

    func timestampTrust() throws -> TimestampTrust? {
        guard let tsaCert else { return nil }
        do {
            return try TimestampTrust.load(path: tsaCert)
        } catch {
            throw ValidationError("--tsa-cert \(tsaCert): \(error)")
        }
    }

    func timestamping() throws -> TimestampingConfiguration? {
        guard let tsa else { return nil }
        guard let trust = try timestampTrust() else {
            throw ValidationError("--tsa needs --tsa-cert: the PEM of the TSA's CA, to check its tokens")
        }
        return TimestampingConfiguration(authorityURL: tsa, trust: trust, tolerance: tsaTolerance)
    }

    func configuration() throws -> ArchiveConfiguration {
        var policy = RetentionPolicy()
        for item in retention {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let years = Int(parts[1]), years >= 0 else {
                throw ValidationError("--retention takes KIND=YEARS, e.g. receipt=6 (got \(item))")
            }
            if parts[0] == "default" { policy.defaultYears = years } else { policy.yearsByKind[parts[0]] = years }
        }
        return ArchiveConfiguration(retention: policy, signingKeyPath: key, timestamping: try timestamping())
    }

    func openWriter() async throws -> LegalArchive {
        let settings = try configuration()
        if let storage = try s3Storage(retention: settings.retention) {
            guard key != nil else { throw ValidationError("--s3 needs --key: the Ed25519 signing key file for seals") }
            return try await LegalArchive.open(storage: storage, configuration: settings, writer: true)
        }
        return try await LegalArchive.open(directory: directory, configuration: settings, writer: true)
    }

    /// The storage to read (verify): S3 or the folder, read-only.
    func readStorage() throws -> any ArchiveStorage {
        if let storage = try s3Storage(retention: try configuration().retention) { return storage }
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no archive at \(path)") }
        return try FileArchiveStorage(directory: directory, writer: false)
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
