import Foundation
import Gateway
import SQLKit

/// Intake's batch operations as multi-row statements: a group of new invoices costs about ten statements in all
/// instead of a dozen per invoice. SQLite compiles every statement anew (sqlite-nio keeps no prepared statements),
/// and every PostgreSQL statement is a round trip. The rows written are exactly those of the one-by-one
/// operations (the same row builders serve both).
extension SQLStoreTransaction {
    /// Rows per statement: 100 invoices × 20 columns stay far below the bound-parameter limits (SQLite 32,766,
    /// PostgreSQL 65,535).
    static let rowsPerStatement = 100

    func invoices(tenant: TenantID, idempotencyKeys: [String], documentKeys: [DocumentKey]) async throws
        -> [InvoiceRecord]
    {
        var found: [InvoiceRecord] = []
        for keys in Self.chunks(Array(Set(idempotencyKeys)).sorted()) {
            found += try await rows("""
                SELECT \(unsafeRaw: Self.invoiceColumns) FROM invoices
                WHERE tenant_id = \(bind: tenant.rawValue) AND idempotency_key IN (\(binds: Array(keys)))
                """, "read invoices by idempotency keys").map(Self.invoiceRecord)
        }
        // One seller and one year per statement, so that the document-key index serves it.
        let bySellerAndYear = Dictionary(grouping: Set(documentKeys)) { SellerYear(seller: $0.seller, year: $0.year) }
        for (sellerYear, keys) in bySellerAndYear.sorted(by: { ($0.key.seller, $0.key.year) < ($1.key.seller, $1.key.year) }) {
            for numbers in Self.chunks(keys.map(\.number).sorted()) {
                found += try await rows("""
                    SELECT \(unsafeRaw: Self.invoiceColumns) FROM invoices
                    WHERE tenant_id = \(bind: tenant.rawValue) AND seller_key = \(bind: sellerYear.seller)
                    AND issue_year = \(bind: sellerYear.year) AND doc_number IN (\(binds: Array(numbers)))
                    AND state <> 'rejected'
                    """, "read invoices by document keys").map(Self.invoiceRecord)
            }
        }
        return found
    }

    func insertNewInvoices(_ writes: [NewInvoiceWrite]) async throws {
        guard !writes.isEmpty else { return }
        for chunk in Self.chunks(writes) {
            let records = chunk.map(\.record)
            let inserted = try await rows("""
                INSERT INTO invoices (\(unsafeRaw: Self.invoiceColumns)) VALUES \
                \(try records.map(Self.invoiceRow).joined(separator: ", "))
                ON CONFLICT DO NOTHING RETURNING invoice_id
                """, "insert invoices")
            guard inserted.count == records.count else {
                throw StoreError.duplicate(constraint: "invoice-batch")
            }
            try await run("""
                INSERT INTO invoice_documents (\(unsafeRaw: Self.documentColumns)) VALUES \
                \(chunk.map { Self.documentRow($0.original) }.joined(separator: ", "))
                \(unsafeRaw: Self.documentUpsert)
                """, "store documents")
            let events = chunk.map(\.event)
            let appended = try await rows("""
                INSERT INTO invoice_events (\(unsafeRaw: Self.eventInsertColumns)) VALUES \
                \(events.map(Self.eventRow).joined(separator: ", "))
                ON CONFLICT DO NOTHING RETURNING sequence
                """, "append invoice events")
            guard appended.count == events.count else { throw StoreError.duplicate(constraint: "event-dedup-key") }
            try await run("""
                INSERT INTO jobs (\(unsafeRaw: Self.jobColumns)) VALUES \
                \(chunk.map { Self.jobRow($0.checkJob) }.joined(separator: ", "))
                """, "enqueue jobs")
            let audits = chunk.compactMap(\.audit)
            if !audits.isEmpty {
                try await run("""
                    INSERT INTO audit_log (\(unsafeRaw: Self.auditColumns)) VALUES \
                    \(audits.map(Self.auditRow).joined(separator: ", "))
                    """, "append audit entries")
            }
            let erpReferences = chunk.compactMap { write in write.erpReference.map { (write.record, $0) } }
            for (record, reference) in erpReferences {
                try await putERPReference(invoice: record.id, tenant: record.tenant, reference: reference)
            }
        }
        try await insertReferences(writes.flatMap(\.references))
        for (tenant, tenantWrites) in Dictionary(grouping: writes, by: \.record.tenant).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try await appendChanges(tenant: tenant, writes: tenantWrites)
        }
    }

    /// The tenant's change-feed entries for new invoices, numbered in order after the tenant's last sequence (see
    /// ``appendChange(tenant:subject:key:version:change:at:)`` for why this is safe on each database).
    private func appendChanges(tenant: TenantID, writes: [NewInvoiceWrite]) async throws {
        let last = try await reserveChangeSequences(tenant: tenant, count: writes.count)
        var sequence = last - Int64(writes.count)
        for chunk in Self.chunks(writes) {
            let rows = chunk.map { write -> SQLQueryString in
                sequence += 1
                return """
                    (\(bind: tenant.rawValue), \(bind: sequence), \(bind: ChangeSubject.invoice.rawValue), \
                    \(bind: write.record.id.rawValue), \(bind: write.record.version), \(bind: write.change), \
                    \(bind: StoredValues.milliseconds(write.event.occurredAt)))
                    """
            }
            try await run("""
                INSERT INTO changes (tenant_id, sequence, subject, item_key, version, change, occurred_at) VALUES \
                \(rows.joined(separator: ", "))
                """, "append changes")
        }
    }

    /// Takes `count` sequences of the tenant's change feed; returns the last one taken.
    private func reserveChangeSequences(tenant: TenantID, count: Int) async throws -> Int64 {
        let answer: [any SQLRow]
        switch dialect {
        case .postgres:
            answer = try await rows("""
                INSERT INTO change_counters (tenant_id, last_sequence) VALUES (\(bind: tenant.rawValue), \
                \(bind: Int64(count))) ON CONFLICT (tenant_id) DO UPDATE \
                SET last_sequence = change_counters.last_sequence + \(bind: Int64(count)) RETURNING last_sequence
                """, "reserve change sequences")
        case .sqlite:
            answer = try await rows("""
                SELECT COALESCE(MAX(sequence), 0) + \(bind: Int64(count)) AS last_sequence FROM changes
                WHERE tenant_id = \(bind: tenant.rawValue)
                """, "reserve change sequences")
        }
        guard let row = answer.first else { throw StoreError.unavailable("the change feed returned no sequence") }
        return try RowReader(row, "changes").int64("last_sequence")
    }

    static func chunks<Element>(_ elements: [Element]) -> [ArraySlice<Element>] {
        stride(from: 0, to: elements.count, by: rowsPerStatement).map {
            elements[$0..<min($0 + rowsPerStatement, elements.count)]
        }
    }
}

private struct SellerYear: Hashable {
    var seller: String
    var year: Int
}
