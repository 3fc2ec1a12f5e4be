import Foundation
import Gateway
@testable import GatewayStorage
import Testing

/// The two databases every store test runs against.
enum TestBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let postgresURLVariable = "PASSERELLE_TEST_POSTGRES_URL"
    static let skipPostgresVariable = "PASSERELLE_SKIP_POSTGRES"

    /// Both, unless `PASSERELLE_SKIP_POSTGRES=1` (quick local runs).
    static var all: [TestBackend] {
        ProcessInfo.processInfo.environment[skipPostgresVariable] == "1" ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Only PostgreSQL (tests of concurrency between nodes), or nothing when it is skipped.
    static var postgresOnly: [TestBackend] {
        all.filter { $0 == .postgres }
    }

    struct PostgresMissing: Error, CustomStringConvertible {
        var description: String {
            """
            The PostgreSQL store tests need a server: set \(TestBackend.postgresURLVariable) \
            (e.g. eval "$(scripts/postgres-for-tests start)", which starts a throwaway PostgreSQL 15 and exports it; \
            scripts/test does this for you), or set \(TestBackend.skipPostgresVariable)=1 to run the SQLite cases only.
            """
        }
    }

    /// A fresh, migrated store: a new SQLite file, or a new schema in the test PostgreSQL database.
    func makeStore(maximumConnections: Int = 8, schema: String? = nil) async throws -> TestStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("passerelle-store-\(UUID().uuidString.lowercased())")
            let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.appendingPathComponent("test.db").path)
            let test = TestStore(store: store, cleanup: .folder(folder.path))
            try await test.migrateOrClose()
            return test
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[Self.postgresURLVariable], !url.isEmpty else {
                throw PostgresMissing()
            }
            let schema = schema ?? "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let store = try await SQLGatewayStore.open(
                url: url, options: StoreOptions(maximumConnections: maximumConnections, postgresSchema: schema))
            let test = TestStore(store: store, cleanup: .schema(schema))
            try await test.migrateOrClose()
            return test
        }
    }

    /// Runs `body` with a fresh store and releases it afterwards, also when `body` throws.
    func withStore<Result>(maximumConnections: Int = 8, _ body: (SQLGatewayStore) async throws -> Result)
        async throws -> Result
    {
        let test = try await makeStore(maximumConnections: maximumConnections)
        do {
            let result = try await body(test.store)
            try await test.close()
            return result
        } catch {
            try? await test.close()
            throw error
        }
    }
}

/// A store made for one test and what to remove after it.
struct TestStore {
    enum Cleanup {
        case folder(String)
        case schema(String)
        case none
    }

    var store: SQLGatewayStore
    var cleanup: Cleanup

    func migrateOrClose() async throws {
        do {
            try await store.migrate()
        } catch {
            try? await close()
            throw error
        }
    }

    func close() async throws {
        switch cleanup {
        case .folder(let path):
            try await store.shutdown()
            try? FileManager.default.removeItem(atPath: path)
        case .schema(let schema):
            try await store.withSession { transaction in
                try await transaction.run("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE", "drop test schema")
            }
            try await store.shutdown()
        case .none:
            try await store.shutdown()
        }
    }
}
