import Foundation
import Gateway
import SQLKit

/// The change feed: sequences increase per tenant, and a reader who has seen sequence N never misses an entry that
/// commits later below N. Each append is one statement that numbers the entry and inserts it:
/// - PostgreSQL increments the tenant's row in `change_counters` (a CTE feeding the insert). The increment locks
///   that row until the transaction ends, so one tenant's appends commit in sequence order; a rolled-back append
///   leaves a gap, never a late arrival.
/// - SQLite has a single writer, so transactions never overlap: the entry takes the tenant's highest sequence + 1.
extension SQLStoreTransaction {
    @discardableResult
    func appendChange(tenant: TenantID, subject: ChangeSubject, key: String, version: Int, change: String,
                      at: Date) async throws -> ChangeEntry {
        let occurredAt = StoredValues.milliseconds(at)
        let inserted: [any SQLRow]
        switch dialect {
        case .postgres:
            inserted = try await rows("""
                WITH counter AS (INSERT INTO change_counters (tenant_id, last_sequence)                 VALUES (\(bind: tenant.rawValue), 1) ON CONFLICT (tenant_id) DO UPDATE                 SET last_sequence = change_counters.last_sequence + 1 RETURNING last_sequence)
                INSERT INTO changes (tenant_id, sequence, subject, item_key, version, change, occurred_at)
                SELECT \(bind: tenant.rawValue), last_sequence, \(bind: subject.rawValue), \(bind: key), \(bind: version), \
                \(bind: change), \(bind: occurredAt) FROM counter
                RETURNING sequence
                """, "append change")
        case .sqlite:
            inserted = try await rows("""
                INSERT INTO changes (tenant_id, sequence, subject, item_key, version, change, occurred_at)
                SELECT \(bind: tenant.rawValue), COALESCE(MAX(sequence), 0) + 1, \(bind: subject.rawValue), \(bind: key), \
                \(bind: version), \(bind: change), \(bind: occurredAt) FROM changes WHERE tenant_id = \(bind: tenant.rawValue)
                RETURNING sequence
                """, "append change")
        }
        guard let row = inserted.first else { throw StoreError.unavailable("the change feed returned no sequence") }
        let sequence = try RowReader(row, "changes").int64("sequence")
        return ChangeEntry(sequence: sequence, tenant: tenant, subject: subject, key: key, version: version,
                           change: change, occurredAt: StoredValues.date(milliseconds: occurredAt))
    }

    func changes(tenant: TenantID, after: Int64, limit: Int) async throws -> [ChangeEntry] {
        try await rows("""
            SELECT tenant_id, sequence, subject, item_key, version, change, occurred_at FROM changes
            WHERE tenant_id = \(bind: tenant.rawValue) AND sequence > \(bind: after)
            ORDER BY sequence LIMIT \(bind: max(0, limit))
            """, "read changes").map { row in
            let reader = RowReader(row, "changes")
            return ChangeEntry(
                sequence: try reader.int64("sequence"), tenant: TenantID(try reader.string("tenant_id")),
                subject: try reader.enumeration("subject"), key: try reader.string("item_key"),
                version: try reader.int("version"), change: try reader.string("change"),
                occurredAt: try reader.date("occurred_at"))
        }
    }
}
