import Foundation
import Gateway
@testable import GatewayStorage

/// The two databases the API tests run against, chosen like the store tests choose them: SQLite always,
/// PostgreSQL from `PASSERELLE_TEST_POSTGRES_URL` unless `PASSERELLE_SKIP_POSTGRES=1`.
enum TestBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    static let postgresURLVariable = "PASSERELLE_TEST_POSTGRES_URL"
    static let skipPostgresVariable = "PASSERELLE_SKIP_POSTGRES"

    static var all: [TestBackend] {
        ProcessInfo.processInfo.environment[skipPostgresVariable] == "1" ? [.sqlite] : [.sqlite, .postgres]
    }

    struct PostgresMissing: Error, CustomStringConvertible {
        var description: String {
            "The PostgreSQL API tests need \(TestBackend.postgresURLVariable) (scripts/test starts a server), or \(TestBackend.skipPostgresVariable)=1 to run the SQLite cases only."
        }
    }

    /// A fresh, migrated store, and what to remove after the test.
    func makeStore() async throws -> (store: SQLGatewayStore, cleanup: @Sendable () async -> Void) {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("passerelle-api-\(UUID().uuidString.lowercased())")
            let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.appendingPathComponent("test.db").path)
            try await store.migrate()
            return (store, {
                try? await store.shutdown()
                try? FileManager.default.removeItem(at: folder)
            })
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[Self.postgresURLVariable], !url.isEmpty else {
                throw PostgresMissing()
            }
            let schema = "api_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let store = try await SQLGatewayStore.open(url: url, options: StoreOptions(postgresSchema: schema))
            try await store.migrate()
            return (store, {
                try? await store.withSession { session in
                    try await session.run("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE", "drop test schema")
                }
                try? await store.shutdown()
            })
        }
    }
}
