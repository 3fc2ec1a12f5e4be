import Foundation
import Gateway
import Logging
import PostgresKit
import SQLKit

/// The gateway's store on SQLite (embedded default) or PostgreSQL (several nodes): one schema, one SQLKit query
/// layer (``SQLStoreTransaction``), two connection strategies.
///
/// Transactions must not nest: a body that opens another transaction on the same store waits for itself on SQLite.
public final class SQLGatewayStore: GatewayStore {
    enum Backend: Sendable {
        case sqlite(SQLiteBackend)
        case postgres(PostgresBackend)
    }

    let backend: Backend
    let dialect: SQLDialectKind
    let schema: String?
    public let displayName: String

    private init(backend: Backend, dialect: SQLDialectKind, schema: String?, displayName: String) {
        self.backend = backend
        self.dialect = dialect
        self.schema = schema
        self.displayName = displayName
    }

    /// Opens the database at `url` (see ``StoreLocation``). Call ``migrate()`` before use and ``shutdown()`` at the
    /// end. On PostgreSQL the store runs its connection pool in a task of its own until ``shutdown()``.
    public static func open(url: String, options: StoreOptions = StoreOptions(),
                            logger: Logger = Logger(label: "passerelle.storage")) async throws -> SQLGatewayStore
    {
        let location = try StoreLocation(url: url)
        switch location {
        case .sqlite(let path):
            let backend = try await SQLiteBackend.open(path: path, readers: options.sqliteReaders, logger: logger)
            return SQLGatewayStore(backend: .sqlite(backend), dialect: .sqlite, schema: nil,
                                   displayName: location.displayName)
        case .postgres(let postgres):
            let schema = try options.validatedSchema()
            let backend = PostgresBackend(
                configuration: postgres.clientConfiguration(options: options, schema: schema), logger: logger)
            var name = location.displayName
            if let schema { name += " (schema \(schema))" }
            return SQLGatewayStore(backend: .postgres(backend), dialect: .postgres, schema: schema, displayName: name)
        }
    }

    public func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await withSession { transaction in try await body(transaction) }
    }

    public func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await withSession(readOnly: true) { transaction in try await body(transaction) }
    }

    /// Applies missing migrations; returns the versions it applied (empty when the schema was up to date).
    ///
    /// Nodes starting together on one SQLite file queue for its write lock; the one migrating may hold it longer
    /// than a transaction's busy timeout on a slow disk or a loaded machine, so a node that finds the file locked
    /// tries again, for up to `migrationPatience` in all.
    @discardableResult
    public func migrateReportingVersions() async throws -> [Int] {
        let schema = self.schema
        let clock = ContinuousClock()
        let deadline = clock.now + Self.migrationPatience
        while true {
            do {
                return try await withSession { transaction in try await Migrator.migrate(transaction, schema: schema) }
            } catch StoreError.unavailable(let message) where message.contains("locked") && clock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// How long ``migrateReportingVersions()`` waits for another node's migration in all.
    static let migrationPatience: Duration = .seconds(120)

    public func migrate() async throws {
        try await migrateReportingVersions()
    }

    public func shutdown() async throws {
        switch backend {
        case .sqlite(let sqlite): try await sqlite.shutdown()
        case .postgres(let postgres): await postgres.shutdown()
        }
    }

    /// Runs `body` in a transaction with the store's concrete transaction handle.
    func withSession<Result: Sendable>(readOnly: Bool = false, _ body: (SQLStoreTransaction) async throws -> Result)
        async throws -> Result
    {
        let dialect = self.dialect
        func run(_ database: any SQLDatabase) async throws -> Result {
            let lifetime = TransactionLifetime()
            defer { lifetime.end() }
            return try await body(SQLStoreTransaction(database: database, dialect: dialect, lifetime: lifetime))
        }
        switch (backend, readOnly) {
        case (.sqlite(let sqlite), false): return try await sqlite.transaction(run)
        case (.sqlite(let sqlite), true): return try await sqlite.read(run)
        case (.postgres(let postgres), false): return try await postgres.transaction(run)
        case (.postgres(let postgres), true): return try await postgres.read(run)
        }
    }
}

extension PostgresLocation {
    func clientConfiguration(options: StoreOptions, schema: String?) -> PostgresClient.Configuration {
        let tlsMode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: tlsMode = .disable
        case .prefer: tlsMode = .prefer(.makeClientConfiguration())
        case .require: tlsMode = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsMode)
        configuration.options.maximumConnections = max(1, options.maximumConnections)
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }
}
