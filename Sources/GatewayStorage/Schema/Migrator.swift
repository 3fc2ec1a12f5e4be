import Foundation
import Gateway
import SQLKit

/// Applies the migrations that a database lacks, in one transaction, recording each in `schema_migrations`.
///
/// PostgreSQL: the transaction first takes a transaction-scoped advisory lock (keyed by the schema), so nodes that
/// start together migrate one after the other; the later ones find every version applied. DDL is transactional in
/// both dialects, so a failed migration leaves nothing behind. SQLite: `BEGIN IMMEDIATE` serialises writers.
enum Migrator {
    /// First half of the advisory lock key: "Passerelle migrations".
    static let advisoryLockClass: Int = 0x7061_7373

    static func migrate(_ transaction: SQLStoreTransaction, schema: String?) async throws -> [Int] {
        if transaction.dialect == .postgres {
            try await transaction.run("""
                SELECT pg_advisory_xact_lock(\(literal: advisoryLockClass), hashtext(\(bind: schema ?? "public")))
                """, "lock migrations")
            if let schema {
                try await transaction.run("CREATE SCHEMA IF NOT EXISTS \(ident: schema)", "create schema")
            }
        }
        try await transaction.run("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, \
            applied_at BIGINT NOT NULL)
            """, "create schema_migrations")
        let applied = Set(try await transaction.rows("SELECT version FROM schema_migrations", "read migrations")
            .map { try RowReader($0, "schema_migrations").int("version") })
        var newlyApplied: [Int] = []
        for migration in Migrations.all where !applied.contains(migration.version) {
            for statement in migration.statements(transaction.dialect) {
                try await transaction.run(SQLQueryString(statement), "apply migration")
            }
            try await transaction.run("""
                INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \
                \(bind: migration.name), \(bind: StoredValues.milliseconds(Date())))
                """, "record migration")
            newlyApplied.append(migration.version)
        }
        if let newest = applied.max(), let known = Migrations.all.last?.version, newest > known {
            throw StoreError.unavailable(
                "the database schema is at version \(newest), newer than this program knows (\(known)): upgrade Passerelle")
        }
        return newlyApplied
    }
}
