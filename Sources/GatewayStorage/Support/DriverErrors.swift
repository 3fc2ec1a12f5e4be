import Gateway
import PostgresNIO
import SQLiteNIO

/// Turns driver errors into ``StoreError``s. Unique violations become `.duplicate` with the contract's constraint
/// name; everything else becomes `.unavailable` with a short description that never contains SQL or values.
enum DriverErrors {
    /// Our index names and the constraint names of the store contract.
    static let constraintNames: [String: String] = [
        "invoices_idempotency_key": "invoice-idempotency-key",
        "invoices_document_key": "invoice-document-key",
        "invoice_events_dedup_key": "event-dedup-key",
    ]

    /// For SQLite, whose messages name columns rather than indexes: the column list after "UNIQUE constraint
    /// failed: " identifies the index.
    static let sqliteColumnLists: [(columns: String, constraint: String)] = [
        ("invoices.tenant_id, invoices.idempotency_key", "invoice-idempotency-key"),
        ("invoices.tenant_id, invoices.seller_key, invoices.issue_year, invoices.doc_number", "invoice-document-key"),
        ("invoice_events.tenant_id, invoice_events.invoice_id, invoice_events.dedup_key", "event-dedup-key"),
    ]

    /// For errors of one statement: anything that is not already a ``StoreError`` becomes one.
    static func map(_ error: any Error, during operation: String) -> any Error {
        switch error {
        case is StoreError: return error
        case let error as SQLiteError: return map(sqlite: error, during: operation)
        case let error as PSQLError: return map(postgres: error, during: operation)
        default:
            return StoreError.unavailable("\(operation) failed (\(type(of: error)))")
        }
    }

    /// For errors around a transaction body: driver errors become ``StoreError``s, the body's own errors pass.
    static func mapDriverErrors(_ error: any Error, during operation: String) -> any Error {
        switch error {
        case let error as SQLiteError: map(sqlite: error, during: operation)
        case let error as PSQLError: map(postgres: error, during: operation)
        default: error
        }
    }

    static func map(sqlite error: SQLiteError, during operation: String) -> StoreError {
        switch error.reason {
        case .constraintForeignKeyFailed:
            return .notFound
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
            let constraint = sqliteColumnLists.first { error.message.hasSuffix($0.columns) }?.constraint
            return .duplicate(constraint: constraint ?? "primary-key")
        case .busy, .busyTimeout, .locked:
            return .unavailable("\(operation): the SQLite database is locked by another process")
        default:
            return .unavailable("\(operation) failed (SQLite \(error.reason))")
        }
    }

    static func map(postgres error: PSQLError, during operation: String) -> StoreError {
        guard error.code == .server, let info = error.serverInfo else {
            return .unavailable("\(operation) failed (PostgreSQL \(error.code))")
        }
        let state = info[.sqlState] ?? "?????"
        if state == "23503" { return .notFound }
        if state == "23505" {
            let name = info[.constraintName] ?? ""
            return .duplicate(constraint: constraintNames[name] ?? "primary-key")
        }
        return .unavailable("\(operation) failed (PostgreSQL SQLSTATE \(state))")
    }
}
