import ArgumentParser
import Channels
import Foundation
import Gateway
import GatewayStorage
import Logging
import Server

/// `passerelle import`: runs one ERP file (CSV or XML with a mapping, or a CII/UBL invoice) through intake by hand.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an ERP file (CSV or XML, read with a YAML mapping) into the gateway's store.",
        discussion: """
            The file is read one invoice at a time; each good invoice goes through intake into the store that \
            `passerelle serve` uses (the same --config / PASSERELLE_* settings; default SQLite in \
            ./passerelle-data). Refused invoices are listed with their line numbers and reasons.
            --dry-run reads and checks without storing. --watch DIR picks up files dropped in DIR (see \
            docs/erp-files.md). --bench generates a large CSV and measures the reader.
            Exit status: 0 when everything was accepted, 1 when something was refused, 2 when the mapping or the \
            file cannot be used.
            """
    )

    @Option(help: "The mapping (YAML) that says how to read the file.")
    var mapping: String?

    @Argument(help: "The file to import.")
    var file: String?

    @Option(help: "SQLite file (path or sqlite:PATH) or postgres://… (default: as passerelle serve).")
    var store: String?

    @Option(name: .customLong("data"), help: "Data folder (default ./passerelle-data).")
    var dataDirectory: String?

    @Option(help: "YAML configuration file, as for passerelle serve.")
    var config: String?

    @Option(help: "Tenant the invoices belong to.")
    var tenant = "default"

    @Flag(help: "Read and check only; store nothing.")
    var dryRun = false

    @Option(help: "Write the error report (CSV) here when something is refused.")
    var errors: String?

    @Option(help: "Pick up files dropped in this folder (processing/, done/, error/ are made inside it).")
    var watch: String?

    @Option(help: "--watch: seconds a file's size and time must stay unchanged before it is taken.")
    var stableSeconds = 5

    @Flag(help: "--watch: take a file only when <name>.done exists.")
    var doneMarker = false

    @Flag(help: "--watch: scan the folder once and stop.")
    var once = false

    @Flag(help: "Benchmark: generate a CSV of --bench-invoices invoices and time reading it.")
    var bench = false

    @Option(help: "Benchmark: invoices to generate.")
    var benchInvoices = 100_000

    @Option(help: "Benchmark: lines per invoice.")
    var benchLines = 10

    @Flag(help: "Benchmark: also check every invoice against EN 16931.")
    var benchValidate = false

    @Flag(help: "Benchmark: also submit every invoice into a temporary SQLite store.")
    var benchStore = false

    @Flag(help: "Benchmark the pick-up channel of serve: drop the CSV in a folder, time until every invoice is queued.")
    var benchPickup = false

    func run() async throws {
        if benchPickup {
            try await ImportBench(invoices: benchInvoices, linesPerInvoice: benchLines, validate: benchValidate,
                                  store: true).runPickup()
            return
        }
        if bench {
            try await ImportBench(invoices: benchInvoices, linesPerInvoice: benchLines, validate: benchValidate,
                                  store: benchStore).run()
            return
        }
        guard let mappingPath = mapping else { throw Self.fail("--mapping is required", status: 2) }
        let loaded: ERPMapping
        do {
            loaded = try ERPMapping.load(path: mappingPath)
        } catch {
            throw Self.fail("\(mappingPath): \(error)", status: 2)
        }
        guard watch != nil || file != nil else { throw Self.fail("give a FILE to import, or --watch DIR", status: 2) }
        let opened = dryRun ? nil : try await openStore()
        let importer = FileImporter(
            mapping: loaded, tenant: TenantID(tenant), actor: watch.map { "folder:\($0)" } ?? "file:import",
            store: opened)
        let status: Int32
        do {
            if let watch {
                status = try await Self.watch(folder: watch, importer: importer, stable: stableSeconds,
                                              doneMarker: doneMarker, once: once)
            } else if let file {
                status = try await importOne(file, importer: importer)
            } else {
                status = 2
            }
        } catch {
            if let opened { try? await opened.shutdown() }
            throw error
        }
        if let opened { try await opened.shutdown() }
        if status != 0 { throw ExitCode(status) }
    }

    private func importOne(_ path: String, importer: FileImporter) async throws -> Int32 {
        let progress = ProgressLine()
        let report: ImportReport
        do {
            report = try await importer.importFile(at: path) { read, report in
                progress.update(read: read, report: report)
            }
        } catch let failure as ImportFailure {
            progress.clear()
            StandardError.write("passerelle import: \(failure)")
            return 2
        }
        progress.clear()
        print(report.summary.joined(separator: "\n"))
        if let errors, report.hasRejections {
            try Data(ErrorReportCSV.render(report.rejected).utf8).write(to: URL(fileURLWithPath: errors))
            print("error report: \(errors)")
        }
        return report.hasRejections ? 1 : 0
    }

    /// The store `passerelle serve` would open with the same settings, migrated.
    private func openStore() async throws -> SQLGatewayStore {
        var overrides: [ConfigurationLoader.Override] = []
        if let store { overrides.append(.init(option: "--store", key: "database.url", value: store)) }
        if let dataDirectory { overrides.append(.init(option: "--data", key: "data_dir", value: dataDirectory)) }
        let configuration: ServerConfiguration
        do {
            configuration = try ConfigurationLoader().load(file: config, overrides: overrides).configuration
        } catch {
            throw Self.fail(error.description, status: 2)
        }
        let database = configuration.resolvedDatabase
        if case .sqlite = database {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory,
                                                    withIntermediateDirectories: true)
        }
        var options = StoreOptions(maximumConnections: configuration.databaseMaxConnections)
        options.postgresSchema = configuration.databaseSchema
        var logger = Logger(label: "passerelle.import")
        logger.logLevel = .warning
        let opened: SQLGatewayStore
        do {
            opened = try await SQLGatewayStore.open(url: database.url, options: options, logger: logger)
        } catch {
            throw Self.fail("the store \(database) cannot be opened (\(error))", status: 2)
        }
        do {
            try await opened.migrate()
        } catch {
            try? await opened.shutdown()
            throw Self.fail("the store \(database) cannot be migrated (\(error))", status: 2)
        }
        return opened
    }

    static func fail(_ message: String, status: Int32) -> ExitCode {
        StandardError.write("passerelle import: \(message)")
        return ExitCode(status)
    }
}

/// A progress line on standard error, redrawn at most four times a second, only when it is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let started = ContinuousClock.now
    private var last = ContinuousClock.now
    private var shown = false

    func update(read: ReadProgress, report: ImportReport) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - last >= .milliseconds(250) else { return }
        last = now
        let seconds = max(Self.seconds(now - started), 0.001)
        var text = String(format: "\r%d invoices (%.0f/s), %d lines", report.itemsRead,
                          Double(report.itemsRead) / seconds, read.linesRead)
        if let total = read.totalBytes, total > 0 {
            text += String(format: ", %.0f%%", Double(read.bytesRead) * 100 / Double(total))
        }
        FileHandle.standardError.write(Data((text + "   ").utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
