import Gateway
import SQLKit
import Synchronization

/// One open transaction: every ``StoreTransaction`` member runs its SQL on the same session. Values are always
/// bound; SQL text comes from code constants only. The handle refuses to work once its transaction has ended, so a
/// handle that escapes its closure cannot run statements outside a transaction.
struct SQLStoreTransaction: StoreTransaction {
    let database: any SQLDatabase
    let dialect: SQLDialectKind
    let lifetime: TransactionLifetime

    func run(_ query: SQLQueryString, _ operation: StaticString) async throws {
        try lifetime.checkOpen()
        do {
            try await database.raw(query).run()
        } catch {
            throw DriverErrors.map(error, during: "\(operation)")
        }
    }

    func rows(_ query: SQLQueryString, _ operation: StaticString) async throws -> [any SQLRow] {
        try lifetime.checkOpen()
        do {
            return try await database.raw(query).all()
        } catch {
            throw DriverErrors.map(error, during: "\(operation)")
        }
    }
}

/// Whether a transaction is still open; shared by the handle and the code that commits it.
final class TransactionLifetime: Sendable {
    private let open = Mutex(true)

    func checkOpen() throws {
        guard open.withLock({ $0 }) else {
            throw StoreError.unavailable("a transaction handle was used after its transaction ended")
        }
    }

    func end() {
        open.withLock { $0 = false }
    }
}
