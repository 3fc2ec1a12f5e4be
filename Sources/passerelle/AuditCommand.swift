import ArgumentParser
import Foundation
import Gateway
import GatewayArchive
import GatewayStorage
import Logging
import Server

/// `passerelle audit …`: the audit trail, read from the store `passerelle serve` uses (docs/archive.md).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit trail: an invoice's timeline, and the invoices citing a contract, order or delivery.",
        subcommands: [AuditTimelineCommand.self, AuditFindCommand.self]
    )
}

/// Where the audit commands read: the same settings as `passerelle serve`.
struct AuditStoreOptions: ParsableArguments {
    @Option(help: "SQLite file (path or sqlite:PATH) or postgres://… (default: as passerelle serve).")
    var store: String?

    @Option(name: .customLong("data"), help: "Data folder (default ./passerelle-data).")
    var dataDirectory: String?

    @Option(help: "YAML configuration file, as for passerelle serve.")
    var config: String?

    @Option(help: "Archive root (default: as passerelle serve, <data>/archive).")
    var archive: String?

    @Option(help: "Tenant.")
    var tenant = "default"

    @Flag(help: "Print JSON (the API's shape) instead of a table.")
    var json = false

    func loadConfiguration(command: String) throws -> ServerConfiguration {
        var overrides: [ConfigurationLoader.Override] = []
        if let store { overrides.append(.init(option: "--store", key: "database.url", value: store)) }
        if let dataDirectory { overrides.append(.init(option: "--data", key: "data_dir", value: dataDirectory)) }
        if let archive { overrides.append(.init(option: "--archive", key: "archive.dir", value: archive)) }
        do {
            return try ConfigurationLoader().load(file: config, overrides: overrides).configuration
        } catch {
            throw AuditCommand.fail(command, error.description, status: 2)
        }
    }

    /// The store `passerelle serve` would open with the same settings, migrated; `body` runs with it, then it closes.
    func withStore<Result>(command: String, _ body: (SQLGatewayStore, ServerConfiguration) async throws -> Result)
        async throws -> Result
    {
        let configuration = try loadConfiguration(command: command)
        let database = configuration.resolvedDatabase
        if case .sqlite(let path) = database, !FileManager.default.fileExists(atPath: path) {
            throw AuditCommand.fail(command, "no store at \(path) (give --store or --data)", status: 2)
        }
        var options = StoreOptions(maximumConnections: 2)
        options.postgresSchema = configuration.databaseSchema
        var logger = Logger(label: "passerelle.audit")
        logger.logLevel = .warning
        let opened: SQLGatewayStore
        do {
            opened = try await SQLGatewayStore.open(url: database.url, options: options, logger: logger)
            try await opened.migrate()
        } catch {
            throw AuditCommand.fail(command, "the store \(database) cannot be opened (\(error))", status: 2)
        }
        do {
            let result = try await body(opened, configuration)
            try await opened.shutdown()
            return result
        } catch {
            try? await opened.shutdown()
            throw error
        }
    }
}

extension AuditCommand {
    static func fail(_ command: String, _ message: String, status: Int32) -> ExitCode {
        StandardError.write("passerelle audit \(command): \(message)")
        return ExitCode(status)
    }

    static func output(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes + [UInt8(ascii: "\n")]))
    }
}
