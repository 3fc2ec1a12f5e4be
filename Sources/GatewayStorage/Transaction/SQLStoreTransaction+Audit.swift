import Foundation
import Gateway
import SQLKit

extension SQLStoreTransaction {
    func appendAudit(_ entry: AuditEntry) async throws {
        try await run("INSERT INTO audit_log (\(unsafeRaw: Self.auditColumns)) VALUES \(Self.auditRow(entry))",
                      "append audit entry")
    }

    static let auditColumns = "tenant_id, actor, action, target, request_id, outcome, occurred_at"

    static func auditRow(_ entry: AuditEntry) -> SQLQueryString {
        """
        (\(bind: entry.tenant.rawValue), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.target), \
        \(bind: entry.requestID), \(bind: entry.outcome), \(bind: StoredValues.milliseconds(entry.occurredAt)))
        """
    }

    func auditEntries(tenant: TenantID, after: Int64, limit: Int) async throws -> [AuditEntry] {
        try await rows("""
            SELECT sequence, tenant_id, actor, action, target, request_id, outcome, occurred_at FROM audit_log
            WHERE tenant_id = \(bind: tenant.rawValue) AND sequence > \(bind: after)
            ORDER BY sequence LIMIT \(bind: max(0, limit))
            """, "read audit entries").map { row in
            let reader = RowReader(row, "audit_log")
            return AuditEntry(
                sequence: try reader.int64("sequence"), tenant: TenantID(try reader.string("tenant_id")),
                actor: try reader.string("actor"), action: try reader.string("action"),
                target: try reader.string("target"), requestID: try reader.optionalString("request_id"),
                outcome: try reader.string("outcome"), occurredAt: try reader.date("occurred_at"))
        }
    }
}
