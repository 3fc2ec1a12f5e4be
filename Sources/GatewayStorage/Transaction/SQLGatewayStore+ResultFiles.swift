import EInvoice
import Foundation
import Gateway
import SQLKit

/// Result files queued for the ERP (migration 10) and the payments a payment file reports, each call in its own
/// transaction.
extension SQLGatewayStore {
    public func paymentFileRows(tenant: TenantID, after position: Int64, limit: Int) async throws
        -> [PaymentFileRow]
    {
        try await withSession(readOnly: true) { transaction in
            try await transaction.rows("""
                SELECT \(unsafeRaw: SQLStoreTransaction.reconciliationColumns), \
                (SELECT MIN(s.platform) FROM platform_submissions s WHERE s.tenant_id = p.tenant_id \
                AND s.invoice_id = p.invoice_id) AS platform
                FROM \(unsafeRaw: SQLStoreTransaction.reconciliationJoin)
                WHERE p.tenant_id = \(bind: tenant.rawValue) AND p.feed_sequence > \(bind: position)
                ORDER BY p.feed_sequence LIMIT \(bind: max(1, limit))
                """, "read payment file rows").map { row in
                PaymentFileRow(entry: try SQLStoreTransaction.reconciliationEntry(row),
                               platform: try RowReader(row, "platform_submissions").optionalString("platform"))
            }
        }
    }

    public func queueResultFile(channel: String, tenant: TenantID, name: String, bytes: [UInt8],
                                cursor: (from: Int64, to: Int64)?, at: Date) async throws -> Bool
    {
        try await withSession { transaction in
            if let cursor {
                // Compare and set: the insert (first batch) or the update happens only from `from`; a node that
                // read the same batch finds the cursor moved (PostgreSQL re-checks the WHERE after the row lock).
                let moved = try await transaction.rows("""
                    INSERT INTO channel_cursors (tenant_id, channel, position, updated_at) VALUES \
                    (\(bind: tenant.rawValue), \(bind: channel), \(bind: cursor.to), \
                    \(bind: StoredValues.milliseconds(at)))
                    ON CONFLICT (tenant_id, channel) DO UPDATE SET position = excluded.position, \
                    updated_at = excluded.updated_at WHERE channel_cursors.position = \(bind: cursor.from)
                    RETURNING position
                    """, "move channel cursor for a queued file")
                // Without a row the cursor reads 0, so the insert path is only taken by a batch from 0.
                guard !moved.isEmpty else { return false }
            }
            try await transaction.run("""
                INSERT INTO channel_result_files (tenant_id, channel, file_name, content, written, lease_until, \
                queued_at) VALUES (\(bind: tenant.rawValue), \(bind: channel), \(bind: name), \(bind: Data(bytes)), \
                0, 0, \(bind: StoredValues.milliseconds(at)))
                """, "queue result file")
            return true
        }
    }

    public func queuedResultFiles(channel: String, tenant: TenantID, limit: Int) async throws
        -> [QueuedResultFile]
    {
        try await withSession(readOnly: true) { transaction in
            try await transaction.rows("""
                SELECT file_id, file_name, content, written FROM channel_result_files
                WHERE tenant_id = \(bind: tenant.rawValue) AND channel = \(bind: channel)
                ORDER BY file_id LIMIT \(bind: max(1, limit))
                """, "read queued result files").map { row in
                let reader = RowReader(row, "channel_result_files")
                return QueuedResultFile(id: try reader.int64("file_id"), name: try reader.string("file_name"),
                                        bytes: try reader.bytes("content"), written: try reader.int("written") != 0)
            }
        }
    }

    public func leaseResultFile(_ id: Int64, holder: String, now: Date, until: Date) async throws -> Bool {
        try await withSession { transaction in
            !(try await transaction.rows("""
                UPDATE channel_result_files SET lease_holder = \(bind: holder), \
                lease_until = \(bind: StoredValues.milliseconds(until))
                WHERE file_id = \(bind: id) AND (lease_until < \(bind: StoredValues.milliseconds(now)) \
                OR lease_holder = \(bind: holder))
                RETURNING file_id
                """, "lease result file")).isEmpty
        }
    }

    public func markResultFileWritten(_ id: Int64) async throws {
        try await withSession { transaction in
            try await transaction.run("UPDATE channel_result_files SET written = 1 WHERE file_id = \(bind: id)",
                                      "mark result file written")
        }
    }

    public func removeResultFile(_ id: Int64) async throws {
        try await withSession { transaction in
            try await transaction.run("DELETE FROM channel_result_files WHERE file_id = \(bind: id)",
                                      "remove result file")
        }
    }
}
