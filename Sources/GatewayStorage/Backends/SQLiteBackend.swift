import Foundation
import Gateway
import Logging
import NIOPosix
import SQLiteKit

/// SQLite in WAL mode: one writer connection and a few reader connections.
///
/// Write transactions take turns on the writer in arrival order (an in-memory queue) and each starts with
/// `BEGIN IMMEDIATE`, so a transaction never fails half-way with SQLITE_BUSY; the busy timeout only matters when
/// another process holds the database (a CLI command). Read-only transactions run on the readers, which see the
/// last committed state and never wait for the writer (WAL).
///
/// The writer runs its SQLite calls on a thread of its own: a connection waiting in SQLite's busy handler must not
/// occupy a thread that the lock holder needs to finish its transaction.
final class SQLiteBackend: Sendable {
    let path: String
    private let writer: ConnectionPark<SQLiteConnection>
    private let readers: ConnectionPark<SQLiteConnection>
    private let threadPools: [NIOThreadPool]

    /// Milliseconds another process may hold the write lock before a transaction gives up.
    static let busyTimeoutMilliseconds = 5_000

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection], threadPools: [NIOThreadPool]) {
        self.path = path
        self.writer = ConnectionPark([writer])
        self.readers = ConnectionPark(readers)
        self.threadPools = threadPools
    }

    static func open(path: String, readers readerCount: Int, logger: Logger) async throws -> SQLiteBackend {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unavailable("cannot create the folder \(directory.path) for the SQLite database")
        }
        let writerThread = NIOThreadPool(numberOfThreads: 1)
        let readerThreads = NIOThreadPool(numberOfThreads: max(1, readerCount))
        writerThread.start()
        readerThreads.start()
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await connect(path: path, threads: writerThread, logger: logger, pragmas: [
                "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",
            ])
            opened.append(writer)
            for _ in 0..<max(1, readerCount) {
                opened.append(try await connect(path: path, threads: readerThreads, logger: logger, pragmas: [
                    "PRAGMA query_only = ON", "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",
                ]))
            }
            return SQLiteBackend(path: path, writer: writer, readers: Array(opened.dropFirst()),
                                 threadPools: [writerThread, readerThreads])
        } catch {
            for connection in opened { try? await connection.close() }
            try? await writerThread.shutdownGracefully()
            try? await readerThreads.shutdownGracefully()
            throw DriverErrors.map(error, during: "open SQLite database \(path)")
        }
    }

    private static func connect(path: String, threads: NIOThreadPool, logger: Logger, pragmas: [String])
        async throws -> SQLiteConnection
    {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: threads, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        do {
            let database = connection.sql(queryLogLevel: nil)
            // Some pragmas answer with a row: read them as queries.
            for pragma in pragmas { _ = try await database.raw(SQLQueryString(pragma)).all() }
            return connection
        } catch {
            try? await connection.close()
            throw error
        }
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await writer.withConnection { connection in
            try await Self.run(body, on: connection.sql(queryLogLevel: nil), begin: "BEGIN IMMEDIATE")
        }
    }

    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await readers.withConnection { connection in
            try await Self.run(body, on: connection.sql(queryLogLevel: nil), begin: "BEGIN")
        }
    }

    private static func run<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result,
                                              on database: any SQLDatabase, begin: SQLQueryString) async throws -> Result
    {
        try await execute(begin, on: database, during: "begin transaction")
        do {
            let result = try await body(database)
            try await execute("COMMIT", on: database, during: "commit")
            return result
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    func shutdown() async throws {
        var failure: (any Error)?
        for park in [writer, readers] {
            for connection in await park.takeAll() {
                do {
                    try await connection.close()
                } catch {
                    failure = failure ?? error
                }
            }
        }
        for threads in threadPools { try? await threads.shutdownGracefully() }
        if let failure { throw DriverErrors.map(failure, during: "close SQLite database") }
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
