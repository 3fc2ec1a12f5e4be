/// One step of the schema's history. Shipped migrations never change: a new need is a new migration. Their SQL is
/// a code constant per dialect, with table names as strings, never derived from app types.
struct Migration: Sendable {
    var version: Int
    var name: String
    var statements: @Sendable (SQLDialectKind) -> [String]
}

/// Every migration, in order.
enum Migrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "initial gateway schema", statements: InitialSchema.statements),
        Migration(version: 2, name: "audit trail: archived documents, invoice references",
                  statements: AuditTrailSchema.statements),
        Migration(version: 3, name: "lifecycle statuses and payments", statements: LifecycleSchema.statements),
        Migration(version: 4, name: "file channel fingerprints and cursors", statements: ChannelStateSchema.statements),
        Migration(version: 7, name: "directory answers cache", statements: DirectoryCacheSchema.statements),
        Migration(version: 10, name: "result-file outbox", statements: ResultFileOutboxSchema.statements),
    ]
}
