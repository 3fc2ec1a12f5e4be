import EInvoice
import Foundation
import Gateway
import SQLKit

/// The file channels' shared state (migration 4), each call in its own transaction.
extension SQLGatewayStore: ChannelStateStore {
    public func claimFileFingerprint(_ fingerprint: String, channel: String, tenant: TenantID, fileName: String,
                                     claimID: String, at: Date) async throws -> Bool
    {
        try await withSession { transaction in
            let inserted = try await transaction.rows("""
                INSERT INTO channel_file_fingerprints (tenant_id, channel, fingerprint, file_name, claim_id, taken_at)
                VALUES (\(bind: tenant.rawValue), \(bind: channel), \(bind: fingerprint), \(bind: fileName), \
                \(bind: claimID), \(bind: StoredValues.milliseconds(at)))
                ON CONFLICT DO NOTHING RETURNING fingerprint
                """, "claim file fingerprint")
            return !inserted.isEmpty
        }
    }

    public func releaseFileFingerprint(_ fingerprint: String, channel: String, tenant: TenantID) async throws {
        try await withSession { transaction in
            try await transaction.run("""
                DELETE FROM channel_file_fingerprints WHERE tenant_id = \(bind: tenant.rawValue) \
                AND channel = \(bind: channel) AND fingerprint = \(bind: fingerprint)
                """, "release file fingerprint")
        }
    }

    public func hasFileFingerprint(_ fingerprint: String, channel: String, tenant: TenantID) async throws -> Bool {
        try await withSession(readOnly: true) { transaction in
            !(try await transaction.rows("""
                SELECT fingerprint FROM channel_file_fingerprints WHERE tenant_id = \(bind: tenant.rawValue) \
                AND channel = \(bind: channel) AND fingerprint = \(bind: fingerprint)
                """, "read file fingerprint")).isEmpty
        }
    }

    public func channelCursor(_ channel: String, tenant: TenantID) async throws -> Int64 {
        try await withSession(readOnly: true) { transaction in
            guard let row = try await transaction.rows("""
                SELECT position FROM channel_cursors WHERE tenant_id = \(bind: tenant.rawValue) \
                AND channel = \(bind: channel)
                """, "read channel cursor").first
            else { return 0 }
            return try RowReader(row, "channel_cursors").int64("position")
        }
    }

    public func advanceChannelCursor(_ channel: String, tenant: TenantID, to position: Int64, at: Date) async throws {
        try await withSession { transaction in
            try await transaction.run("""
                INSERT INTO channel_cursors (tenant_id, channel, position, updated_at) VALUES \
                (\(bind: tenant.rawValue), \(bind: channel), \(bind: position), \(bind: StoredValues.milliseconds(at)))
                ON CONFLICT (tenant_id, channel) DO UPDATE SET position = excluded.position, \
                updated_at = excluded.updated_at WHERE channel_cursors.position < excluded.position
                """, "advance channel cursor")
        }
    }

    public func statusChanges(tenant: TenantID, after position: Int64, limit: Int) async throws -> StatusChangePage {
        try await withSession(readOnly: true) { transaction in
            let window = try await transaction.rows("""
                SELECT sequence FROM changes WHERE tenant_id = \(bind: tenant.rawValue) AND sequence > \(bind: position)
                ORDER BY sequence LIMIT \(bind: max(1, limit))
                """, "read change window")
            guard let last = window.last else { return StatusChangePage(changes: [], reached: position) }
            let reached = try RowReader(last, "changes").int64("sequence")
            // changes.item_key has the default collation, invoice ids "C": compare in "C" on PostgreSQL.
            let collate = transaction.dialect == .postgres ? " COLLATE \"C\"" : ""
            let rows = try await transaction.rows("""
                SELECT c.sequence AS position, e.sequence AS event_sequence, e.invoice_id, i.doc_number, \
                i.issue_date, e.type, e.state, e.message, e.occurred_at
                FROM changes c
                JOIN invoice_events e ON e.tenant_id = c.tenant_id AND e.invoice_id = c.item_key\(unsafeRaw: collate) \
                AND e.occurred_at = c.occurred_at AND c.change = 'state:' || e.state
                JOIN invoices i ON i.tenant_id = e.tenant_id AND i.invoice_id = e.invoice_id
                WHERE c.tenant_id = \(bind: tenant.rawValue) AND c.subject = 'invoice' \
                AND c.sequence > \(bind: position) AND c.sequence <= \(bind: reached)
                ORDER BY c.sequence, e.sequence
                """, "read status changes")
            var seen: Set<Int64> = []
            var changes: [InvoiceStatusChange] = []
            for row in rows {
                let reader = RowReader(row, "invoice_events")
                let sequence = try reader.int64("event_sequence")
                guard seen.insert(sequence).inserted else { continue }
                changes.append(InvoiceStatusChange(
                    position: try reader.int64("position"), eventSequence: sequence,
                    invoiceID: InvoiceID(try reader.string("invoice_id")),
                    invoiceNumber: try reader.string("doc_number"),
                    issueDate: try reader.optionalString("issue_date").flatMap { CalendarDate(text: $0) },
                    type: try reader.string("type"), state: try reader.enumeration("state"),
                    message: try reader.string("message"), occurredAt: try reader.date("occurred_at")))
            }
            return StatusChangePage(changes: changes, reached: reached)
        }
    }
}
