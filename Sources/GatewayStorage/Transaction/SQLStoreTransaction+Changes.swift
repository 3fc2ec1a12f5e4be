import Foundation
import Gateway
import SQLKit

/// The change feed. Each tenant has a counter row; an append increments it and inserts the entry with the new
/// value in the caller's transaction. The increment locks the counter row until the transaction ends, so appends
/// of one tenant commit in sequence order: once a reader sees sequence N, every entry below N has committed or
/// rolled back (a rolled-back append leaves a gap, never a late arrival).
extension SQLStoreTransaction {
    @discardableResult
    func appendChange(tenant: TenantID, subject: ChangeSubject, key: String, version: Int, change: String,
                      at: Date) async throws -> ChangeEntry {
        let counted = try await rows("""
            INSERT INTO change_counters (tenant_id, last_sequence) VALUES (\(bind: tenant.rawValue), 1)
            ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = change_counters.last_sequence + 1
            RETURNING last_sequence
            """, "count change")
        guard let row = counted.first else { throw StoreError.unavailable("the change counter returned no value") }
        let sequence = try RowReader(row, "change_counters").int64("last_sequence")
        try await run("""
            INSERT INTO changes (tenant_id, sequence, subject, item_key, version, change, occurred_at)
            VALUES (\(bind: tenant.rawValue), \(bind: sequence), \(bind: subject.rawValue), \(bind: key), \
            \(bind: version), \(bind: change), \(bind: StoredValues.milliseconds(at)))
            """, "append change")
        return ChangeEntry(sequence: sequence, tenant: tenant, subject: subject, key: key, version: version,
                           change: change, occurredAt: StoredValues.date(milliseconds: StoredValues.milliseconds(at)))
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
