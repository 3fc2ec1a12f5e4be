import Foundation
import Gateway
import Logging
import PostgresKit

/// PostgreSQL through a `PostgresClient` pool. The backend owns the task that runs the client's `run()` and ends it
/// in ``shutdown()``. Transactions are READ COMMITTED; every invariant is held by a constraint or a row lock
/// (docs/storage.md lists which).
final class PostgresBackend: Sendable {
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.runner = Task { await client.run() }
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await run(body, begin: "BEGIN")
    }

    /// A read-only REPEATABLE READ transaction: every statement sees the same snapshot.
    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await run(body, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    }

    private func run<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result, begin: SQLQueryString)
        async throws -> Result
    {
        do {
            return try await client.withConnection { connection in
                let database: any SQLDatabase = connection.sql(queryLogLevel: nil)
                try await Self.execute(begin, on: database, during: "begin transaction")
                do {
                    let result = try await body(database)
                    try await Self.execute("COMMIT", on: database, during: "commit")
                    return result
                } catch {
                    try? await database.raw("ROLLBACK").run()
                    throw error
                }
            }
        } catch {
            throw DriverErrors.mapDriverErrors(error, during: "PostgreSQL transaction")
        }
    }

    func shutdown() async {
        runner.cancel()
        await runner.value
    }

    static func execute(_ statement: SQLQueryString, on database: any SQLDatabase, during operation: String)
        async throws
    {
        do {
            try await database.raw(statement).run()
        } catch {
            throw DriverErrors.map(error, during: operation)
        }
    }
}
