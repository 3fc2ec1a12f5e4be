import ArgumentParser
import Foundation
import Channels
import Gateway
import GatewayArchive
import GatewayStorage
import Logging
import Server

/// `passerelle serve`: the gateway service. Zero configuration starts on SQLite in `./passerelle-data/` at
/// http://127.0.0.1:8080 and prints the first admin API key once.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway: the REST API, the pipeline workers and webhooks.",
        discussion: """
            With no option it runs on SQLite in ./passerelle-data/ at http://127.0.0.1:8080 and prints the first \
            admin API key once (it is stored hashed: keep it).

            Settings come from, in order, the defaults, the YAML file (--config or PASSERELLE_CONFIG), the \
            PASSERELLE_* environment variables, then these options. A bad setting stops start-up with exit \
            status 2 and a message that names it. docs/serve.md lists every setting; \
            docs/passerelle.example.yaml is a commented file.

            Settings (file key / environment variable):
            \(ConfigurationSetting.all.map { "  \($0.key) / \($0.environmentVariable)" }.joined(separator: "\n"))
            """
    )

    @Option(help: "YAML configuration file.")
    var config: String?

    @Option(help: "SQLite file (path or sqlite:PATH) or postgres://user:password@host:port/database.")
    var database: String?

    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "TCP port (default 8080; 0 = any free port).")
    var port: String?

    @Option(name: .customLong("data-dir"), help: "Data folder (default ./passerelle-data).")
    var dataDirectory: String?

    @Option(help: "Pipeline workers in this process (default 2).")
    var workers: String?

    @Flag(name: .customLong("no-workers"), help: "Serve HTTP only; other processes run the pipeline.")
    var noWorkers = false

    @Option(name: .customLong("chorus-pro"),
            help: "YAML file with a chorusPro: section: dispatch to Chorus Pro and follow its statuses (docs/chorus-pro.md).")
    var chorusPro: String?

    func run() async throws {
        let loaded = try loadConfiguration()
        let configuration = loaded.configuration
        let logger = Self.bootstrapLogging(level: configuration.logLevel)
        for warning in loaded.warnings { logger.warning("\(warning)") }
        let channelsConfiguration = try Self.loadChannels(configuration.channelsFile)
        let directoryClient = try Self.directoryClient(configuration.directory)

        var options = StoreOptions(maximumConnections: configuration.databaseMaxConnections)
        options.postgresSchema = configuration.databaseSchema
        let database = configuration.resolvedDatabase
        if case .sqlite = database {
            do {
                try FileManager.default.createDirectory(
                    atPath: configuration.dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw Self.fail("data_dir: \(configuration.dataDirectory) cannot be created (\(error.localizedDescription))",
                                status: 2)
            }
        }
        do {
            _ = try StoreLocation(url: database.url)
        } catch {
            throw Self.fail("database.url: \(error.message)", status: 2)
        }
        let store: SQLGatewayStore
        do {
            store = try await SQLGatewayStore.open(url: database.url, options: options, logger: logger)
        } catch {
            throw Self.fail("database.url: \(database) cannot be opened (\(error))", status: 1)
        }
        let archive: NodeArchive
        do {
            archive = try await Self.openArchive(configuration)
        } catch {
            try? await store.shutdown()
            throw error
        }
        logger.info("archive: journal \(archive.journal) in \(configuration.resolvedArchiveDirectory)")
        let chorusProWiring: ChorusProWiring?
        let platform: FlowDispatcher?
        let dispatcher: any DispatchPort
        do {
            chorusProWiring = try Self.chorusPro(chorusPro, store: store, clock: SystemClock(), logger: logger)
            platform = try Self.platformDispatcher(configuration.platform)
            // The routing rules name the ports they send to: the AFNOR platform by its name, Chorus Pro as
            // `chorus-pro`. Without rules, invoices go to the platform, else Chorus Pro, else they are held.
            var ports: [String: any DispatchPort] = [:]
            if let platform { ports[platform.name] = platform }
            if let chorus = chorusProWiring?.dispatcher { ports[chorus.name] = chorus }
            dispatcher = try Self.routedDispatcher(
                configFile: config, ports: ports,
                fallback: platform ?? chorusProWiring?.dispatcher ?? HoldDispatcher(), logger: logger)
        } catch {
            await archive.close()
            try? await store.shutdown()
            throw error
        }
        var components: ServerComponents
        do {
            components = try await ServerComponents.make(
                configuration: configuration, store: store, dispatcher: dispatcher, archive: archive, logger: logger)
            components.directory = Self.cachedDirectory(directoryClient, configuration.directory, cache: store,
                                                        clock: components.clock, logger: logger)
        } catch {
            await chorusProWiring?.close()
            await platform?.client.shutdown()
            await archive.close()
            try? await store.shutdown()
            throw Self.fail(error.description, status: 2)
        }
        let inbound: PlatformInbound?
        do {
            inbound = try Self.platformInbound(configuration, dispatcher: platform, components: components,
                                               cursors: store, logger: logger)
        } catch {
            await components.shutdown()
            await chorusProWiring?.close()
            await platform?.client.shutdown()
            await archive.close()
            try? await store.shutdown()
            throw error
        }
        components.platforms = inbound.map { [$0.source.name: $0.source] } ?? [:]
        let services = GatewayServices(
            store: components.store, clock: components.clock, archive: archive,
            concurrentIntakeGroups: Self.concurrentIntakeGroups(configuration))
        let channels: ChannelsRuntime?
        do {
            channels = try Self.buildChannels(channelsConfiguration, store: components.store, state: store,
                                              dataDirectory: configuration.dataDirectory)
        } catch {
            await components.shutdown()
            await chorusProWiring?.close()
            await platform?.client.shutdown()
            await archive.close()
            try? await store.shutdown()
            throw error
        }
        do {
            try await PasserelleServer.run(
                components: components, services: services,
                onFirstAdminKey: { secret in Self.announceFirstKey(secret) },
                onStarted: { started in Self.announce(started, database: store.displayName) },
                additionalServices: (channels.map { ChannelService.services(for: $0, logger: logger) } ?? [])
                    + (chorusProWiring?.services ?? [])
                    + (inbound?.services ?? []),
                additionalRoutes: { router in inbound?.routes?.register(on: router) })
        } catch {
            await channels?.close()
            await chorusProWiring?.close()
            await platform?.client.shutdown()
            await archive.close()
            try? await store.shutdown()
            throw Self.fail("passerelle serve stopped: \(error)", status: 1)
        }
        await channels?.close()
        await chorusProWiring?.close()
        await platform?.client.shutdown()
        await archive.close()
        try await store.shutdown()
        logger.info("stopped")
    }

    /// The configuration, or exit status 2 with the message that names the bad setting.
    func loadConfiguration() throws -> ConfigurationLoader.Loaded {
        if workers != nil && noWorkers {
            throw Self.fail("--workers and --no-workers contradict each other; give one", status: 2)
        }
        var overrides: [ConfigurationLoader.Override] = []
        func add(_ option: String, _ key: String, _ value: String?) {
            if let value { overrides.append(.init(option: option, key: key, value: value)) }
        }
        add("--database", "database.url", database)
        add("--host", "server.host", host)
        add("--port", "server.port", port)
        add("--data-dir", "data_dir", dataDirectory)
        add("--workers", "workers.count", workers)
        if noWorkers { add("--no-workers", "workers.count", "0") }
        do {
            return try ConfigurationLoader().load(file: config, overrides: overrides)
        } catch {
            throw Self.fail(error.description, status: 2)
        }
    }

    static func bootstrapLogging(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "passerelle")
        logger.logLevel = level
        return logger
    }

    /// Printed as soon as the key exists, before the server binds: a start that fails later does not lose it.
    static func announceFirstKey(_ secret: String) {
        output([
            "First start: made the tenant \"default\" and its first admin API key.",
            "The key is shown only this once and stored hashed — keep it:",
            "    \(secret)",
        ])
    }

    static func announce(_ started: PasserelleApplication.Started, database: String) {
        var lines = ["Passerelle is listening on \(started.url)", "  database: \(database)"]
        if started.firstAdminSecret != nil {
            lines.append("  try: curl -H \"Authorization: Bearer $KEY\" \(started.url)/v1/invoices   (KEY = the key above)")
        }
        output(lines)
    }

    /// Standard output, unbuffered, so that a supervising process sees it at once.
    static func output(_ lines: [String]) {
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func fail(_ message: String, status: Int32) -> ExitCode {
        StandardError.write("passerelle serve: \(message)")
        return ExitCode(status)
    }

    /// Intake groups committed at once: SQLite has one writer; on PostgreSQL a quarter of the pool, so reads and
    /// the pipeline keep connections.
    static func concurrentIntakeGroups(_ configuration: ServerConfiguration) -> Int {
        switch configuration.resolvedDatabase {
        case .sqlite: 1
        case .postgres: max(1, configuration.databaseMaxConnections / 4)
        }
    }
}
