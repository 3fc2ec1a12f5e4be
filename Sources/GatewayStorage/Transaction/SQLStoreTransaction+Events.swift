import Foundation
import Gateway
import SQLKit

extension SQLStoreTransaction {
    static let eventColumns = """
        sequence, tenant_id, invoice_id, type, state, dedup_key, actor, message, detail_json, occurred_at
        """

    @discardableResult
    func appendEvent(_ event: InvoiceEvent) async throws -> InvoiceEvent {
        let inserted = try await rows("""
            INSERT INTO invoice_events (\(unsafeRaw: Self.eventInsertColumns)) VALUES \(Self.eventRow(event))
            ON CONFLICT DO NOTHING RETURNING sequence
            """, "append invoice event")
        guard let row = inserted.first else { throw StoreError.duplicate(constraint: "event-dedup-key") }
        var stored = event
        stored.sequence = try RowReader(row, "invoice_events").int64("sequence")
        return stored
    }

    /// The columns an appended event fills (the database numbers `sequence`).
    static let eventInsertColumns = "tenant_id, invoice_id, type, state, dedup_key, actor, message, detail_json, occurred_at"

    static func eventRow(_ event: InvoiceEvent) -> SQLQueryString {
        """
        (\(bind: event.tenant.rawValue), \(bind: event.invoiceID.rawValue), \(bind: event.type), \
        \(bind: event.state.rawValue), \(bind: event.dedupKey), \(bind: event.actor), \(bind: event.message), \
        \(bind: event.detailJSON), \(bind: StoredValues.milliseconds(event.occurredAt)))
        """
    }

    func events(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceEvent] {
        try await rows("""
            SELECT \(unsafeRaw: Self.eventColumns) FROM invoice_events
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            ORDER BY sequence
            """, "read invoice events").map { row in
            let reader = RowReader(row, "invoice_events")
            return InvoiceEvent(
                sequence: try reader.int64("sequence"), tenant: TenantID(try reader.string("tenant_id")),
                invoiceID: InvoiceID(try reader.string("invoice_id")), type: try reader.string("type"),
                state: try reader.enumeration("state"), dedupKey: try reader.string("dedup_key"),
                actor: try reader.string("actor"), message: try reader.string("message"),
                detailJSON: try reader.optionalString("detail_json"), occurredAt: try reader.date("occurred_at"))
        }
    }

    func putDocument(_ document: StoredDocument) async throws {
        try await run("""
            INSERT INTO invoice_documents (\(unsafeRaw: Self.documentColumns)) VALUES \(Self.documentRow(document))
            \(unsafeRaw: Self.documentUpsert)
            """, "store document")
    }

    static let documentColumns = "tenant_id, invoice_id, kind, media_type, bytes, sha256, created_at"
    /// A document replaces the invoice's previous one of the same kind.
    static let documentUpsert = """
        ON CONFLICT (tenant_id, invoice_id, kind) DO UPDATE SET media_type = excluded.media_type, \
        bytes = excluded.bytes, sha256 = excluded.sha256, created_at = excluded.created_at
        """

    static func documentRow(_ document: StoredDocument) -> SQLQueryString {
        """
        (\(bind: document.tenant.rawValue), \(bind: document.invoiceID.rawValue), \(bind: document.kind.rawValue), \
        \(bind: document.mediaType), \(bind: Data(document.bytes)), \(bind: document.sha256), \
        \(bind: StoredValues.milliseconds(document.createdAt)))
        """
    }

    func document(invoice: InvoiceID, kind: DocumentKind, tenant: TenantID) async throws -> StoredDocument? {
        try await rows("""
            SELECT tenant_id, invoice_id, kind, media_type, bytes, sha256, created_at FROM invoice_documents
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue) \
            AND kind = \(bind: kind.rawValue)
            """, "read document").first.map { row in
            let reader = RowReader(row, "invoice_documents")
            return StoredDocument(
                tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
                kind: try reader.enumeration("kind"), mediaType: try reader.string("media_type"),
                bytes: try reader.bytes("bytes"), sha256: try reader.string("sha256"),
                createdAt: try reader.date("created_at"))
        }
    }
}
