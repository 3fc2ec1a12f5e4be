import Foundation
import Gateway
import Logging
import NIOPosix
import SQLiteKit

/// SQLite in WAL mode. All transactions run on one writer connection behind an ``AsyncLane``: they queue in memory
/// in arrival order and each starts with `BEGIN IMMEDIATE`, so a transaction never fails half-way with SQLITE_BUSY
/// (the busy timeout only matters when another process holds the database, e.g. a CLI command).
///
/// The connection runs its SQLite calls on a thread of its own: a connection waiting in SQLite's busy handler must
/// not occupy a thread that the lock holder needs to finish its transaction.
final class SQLiteBackend: Sendable {
    let path: String
    private let writer: SQLiteConnection
    private let threads: NIOThreadPool
    private let lane = AsyncLane()

    /// Milliseconds another process may hold the write lock before a transaction gives up.
    static let busyTimeoutMilliseconds = 5_000

    private init(path: String, writer: SQLiteConnection, threads: NIOThreadPool) {
        self.path = path
        self.writer = writer
        self.threads = threads
    }

    static func open(path: String, logger: Logger) async throws -> SQLiteBackend {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unavailable("cannot create the folder \(directory.path) for the SQLite database")
        }
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threads, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await threads.shutdownGracefully()
            throw DriverErrors.map(error, during: "open SQLite database \(path)")
        }
        let database = connection.sql(queryLogLevel: nil)
        do {
            // journal_mode answers with a row; the others are silent.
            _ = try await database.raw("PRAGMA journal_mode = WAL").all()
            try await database.raw("PRAGMA synchronous = NORMAL").run()
            try await database.raw("PRAGMA foreign_keys = ON").run()
            try await database.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        } catch {
            try? await connection.close()
            try? await threads.shutdownGracefully()
            throw DriverErrors.map(error, during: "configure SQLite database \(path)")
        }
        return SQLiteBackend(path: path, writer: connection, threads: threads)
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await lane.withLane {
            let database = writer.sql(queryLogLevel: nil)
            try await Self.execute("BEGIN IMMEDIATE", on: database, during: "begin transaction")
            do {
                let result = try await body(database)
                try await Self.execute("COMMIT", on: database, during: "commit")
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func shutdown() async throws {
        try await lane.withLane {
            do {
                try await writer.close()
                try await threads.shutdownGracefully()
            } catch {
                throw DriverErrors.map(error, during: "close SQLite database")
            }
        }
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
