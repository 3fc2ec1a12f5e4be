import Foundation
import Gateway
import SQLKit

extension SQLStoreTransaction {
    func documents(invoice: InvoiceID, tenant: TenantID) async throws -> [StoredDocument] {
        try await rows("""
            SELECT tenant_id, invoice_id, kind, media_type, bytes, sha256, created_at FROM invoice_documents
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            ORDER BY created_at, kind
            """, "read documents").map { row in
            let reader = RowReader(row, "invoice_documents")
            return StoredDocument(
                tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
                kind: try reader.enumeration("kind"), mediaType: try reader.string("media_type"),
                bytes: try reader.bytes("bytes"), sha256: try reader.string("sha256"),
                createdAt: try reader.date("created_at"))
        }
    }

    func recordArchived(_ receipts: [ArchiveReceipt]) async throws {
        for receipt in receipts {
            try await run("""
                INSERT INTO archived_documents (tenant_id, invoice_id, kind, sha256, journal, journal_sequence, \
                entry_hash, archived_at, retain_until) VALUES (\(bind: receipt.tenant.rawValue), \
                \(bind: receipt.invoiceID.rawValue), \(bind: receipt.kind), \(bind: receipt.sha256), \
                \(bind: receipt.location.journal), \(bind: receipt.location.sequence), \(bind: receipt.entryHash), \
                \(bind: StoredValues.milliseconds(receipt.archivedAt)), \
                \(bind: StoredValues.milliseconds(receipt.retainUntil)))
                ON CONFLICT DO NOTHING
                """, "record archived document")
        }
    }

    func archived(invoice: InvoiceID, tenant: TenantID) async throws -> [ArchiveReceipt] {
        try await rows("""
            SELECT tenant_id, invoice_id, kind, sha256, journal, journal_sequence, entry_hash, archived_at, \
            retain_until FROM archived_documents
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            ORDER BY archived_at, journal, journal_sequence
            """, "read archived documents").map { row in
            let reader = RowReader(row, "archived_documents")
            return ArchiveReceipt(
                location: ArchiveLocation(journal: try reader.string("journal"),
                                          sequence: try reader.int("journal_sequence")),
                tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
                kind: try reader.string("kind"), sha256: try reader.string("sha256"),
                entryHash: try reader.string("entry_hash"), archivedAt: try reader.date("archived_at"),
                retainUntil: try reader.date("retain_until"))
        }
    }

    func insertReferences(_ references: [InvoiceReference]) async throws {
        for chunk in Self.chunks(references) {
            try await run("""
                INSERT INTO invoice_references (\(unsafeRaw: Self.referenceColumns)) VALUES \
                \(chunk.map(Self.referenceRow).joined(separator: ", "))
                ON CONFLICT DO NOTHING
                """, "store invoice references")
        }
    }

    static let referenceColumns = "tenant_id, kind, reference_value, invoice_id"

    static func referenceRow(_ reference: InvoiceReference) -> SQLQueryString {
        """
        (\(bind: reference.tenant.rawValue), \(bind: reference.kind.rawValue), \(bind: reference.value), \
        \(bind: reference.invoiceID.rawValue))
        """
    }

    func references(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceReference] {
        try await rows("""
            SELECT tenant_id, kind, reference_value, invoice_id FROM invoice_references
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            ORDER BY kind, reference_value
            """, "read invoice references").map { row in
            let reader = RowReader(row, "invoice_references")
            return InvoiceReference(
                tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
                kind: try reader.enumeration("kind"), value: try reader.string("reference_value"))
        }
    }

    /// ` AND EXISTS (…)` for each reference filter: the invoice cites that value under that kind.
    static func referenceConditions(_ filter: InvoiceFilter) -> SQLQueryString {
        var conditions: SQLQueryString = ""
        for (kind, value) in filter.references {
            conditions += """
                 AND EXISTS (SELECT 1 FROM invoice_references r WHERE r.tenant_id = invoices.tenant_id \
                AND r.invoice_id = invoices.invoice_id AND r.kind = \(bind: kind.rawValue) \
                AND r.reference_value = \(bind: value))
                """
        }
        return conditions
    }
}
