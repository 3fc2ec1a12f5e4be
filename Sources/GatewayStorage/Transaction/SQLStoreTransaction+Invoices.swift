import EInvoice
import Foundation
import Gateway
import SQLKit

extension SQLStoreTransaction {
    static let invoiceColumns = """
        tenant_id, invoice_id, state, version, seller_key, issue_year, doc_number, idempotency_key, payload_sha256, \
        source_format, issue_date, buyer_name, customer_code, currency_code, total_text, total_scaled, findings_json, \
        batch_id, created_at, updated_at
        """

    func insertInvoice(_ invoice: InvoiceRecord) async throws {
        let inserted = try await rows("""
            INSERT INTO invoices (\(unsafeRaw: Self.invoiceColumns)) VALUES \(try Self.invoiceRow(invoice))
            ON CONFLICT DO NOTHING RETURNING invoice_id
            """, "insert invoice")
        guard inserted.isEmpty else { return }
        throw StoreError.duplicate(constraint: try await conflictingInvoiceConstraint(invoice))
    }

    /// The values of ``invoiceColumns`` for a new row.
    static func invoiceRow(_ invoice: InvoiceRecord) throws -> SQLQueryString {
        let values = try InvoiceColumns(invoice)
        return """
            (\(bind: values.tenant), \(bind: values.id), \(bind: values.state), \(bind: invoice.version), \
            \(bind: values.seller), \(bind: invoice.documentKey.year), \(bind: values.number), \
            \(bind: invoice.idempotencyKey), \(bind: invoice.payloadSHA256), \(bind: values.sourceFormat), \
            \(bind: values.issueDate), \(bind: invoice.buyerName), \(bind: invoice.customerCode), \
            \(bind: invoice.currencyCode), \(bind: values.totalText), \(bind: values.totalScaled), \
            \(bind: values.findingsJSON), \(bind: invoice.batchID), \(bind: values.createdAt), \
            \(bind: values.updatedAt))
            """
    }

    /// Which unique rule an invoice that was not inserted broke. No statement failed, so the transaction (on
    /// PostgreSQL as well) stays usable.
    private func conflictingInvoiceConstraint(_ invoice: InvoiceRecord) async throws -> String {
        if let key = invoice.idempotencyKey, try await self.invoice(idempotencyKey: key, tenant: invoice.tenant) != nil {
            return "invoice-idempotency-key"
        }
        if try await self.invoice(documentKey: invoice.documentKey, tenant: invoice.tenant) != nil {
            return "invoice-document-key"
        }
        return "invoice-id"
    }

    func invoice(_ id: InvoiceID, tenant: TenantID) async throws -> InvoiceRecord? {
        try await rows("""
            SELECT \(unsafeRaw: Self.invoiceColumns) FROM invoices
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: id.rawValue)
            """, "read invoice").first.map(Self.invoiceRecord)
    }

    func invoice(idempotencyKey: String, tenant: TenantID) async throws -> InvoiceRecord? {
        try await rows("""
            SELECT \(unsafeRaw: Self.invoiceColumns) FROM invoices
            WHERE tenant_id = \(bind: tenant.rawValue) AND idempotency_key = \(bind: idempotencyKey)
            """, "read invoice by idempotency key").first.map(Self.invoiceRecord)
    }

    func invoice(documentKey: DocumentKey, tenant: TenantID) async throws -> InvoiceRecord? {
        try await rows("""
            SELECT \(unsafeRaw: Self.invoiceColumns) FROM invoices
            WHERE tenant_id = \(bind: tenant.rawValue) AND seller_key = \(bind: documentKey.seller)
            AND issue_year = \(bind: documentKey.year) AND doc_number = \(bind: documentKey.number)
            AND state <> 'rejected'
            """, "read invoice by document key").first.map(Self.invoiceRecord)
    }

    func updateInvoice(_ invoice: InvoiceRecord, expectedVersion: Int) async throws {
        let values = try InvoiceColumns(invoice)
        let updated = try await rows("""
            UPDATE invoices SET state = \(bind: values.state), version = \(bind: invoice.version), \
            seller_key = \(bind: values.seller), issue_year = \(bind: invoice.documentKey.year), \
            doc_number = \(bind: values.number), idempotency_key = \(bind: invoice.idempotencyKey), \
            payload_sha256 = \(bind: invoice.payloadSHA256), source_format = \(bind: values.sourceFormat), \
            issue_date = \(bind: values.issueDate), buyer_name = \(bind: invoice.buyerName), \
            customer_code = \(bind: invoice.customerCode), currency_code = \(bind: invoice.currencyCode), \
            total_text = \(bind: values.totalText), total_scaled = \(bind: values.totalScaled), \
            findings_json = \(bind: values.findingsJSON), batch_id = \(bind: invoice.batchID), \
            updated_at = \(bind: values.updatedAt)
            WHERE tenant_id = \(bind: values.tenant) AND invoice_id = \(bind: values.id) \
            AND version = \(bind: expectedVersion)
            RETURNING version
            """, "update invoice")
        guard updated.isEmpty else { return }
        let current = try await rows("""
            SELECT version FROM invoices WHERE tenant_id = \(bind: values.tenant) AND invoice_id = \(bind: values.id)
            """, "read invoice version")
        guard let row = current.first else { throw StoreError.notFound }
        throw StoreError.stale(currentVersion: try RowReader(row, "invoices").int("version"))
    }

    func invoices(tenant: TenantID, filter: InvoiceFilter, after cursor: InvoiceCursor?, limit: Int) async throws
        -> [InvoiceRecord]
    {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.invoiceColumns) FROM invoices WHERE tenant_id = \(bind: tenant.rawValue)
            """
        if let states = filter.states {
            guard !states.isEmpty else { return [] }
            query += " AND state IN (\(binds: states.map(\.rawValue).sorted()))"
        }
        if let code = filter.customerCode { query += " AND customer_code = \(bind: code)" }
        if let name = filter.buyerName { query += " AND buyer_name = \(bind: name)" }
        if let from = filter.issuedFrom { query += " AND issue_date >= \(bind: from.isoText)" }
        if let to = filter.issuedTo { query += " AND issue_date <= \(bind: to.isoText)" }
        if let minimum = filter.minimumTotal {
            query += " AND total_scaled >= \(bind: StoredValues.scaledBound(minimum, lower: true))"
        }
        if let maximum = filter.maximumTotal {
            query += " AND total_scaled <= \(bind: StoredValues.scaledBound(maximum, lower: false))"
        }
        if let batch = filter.batchID { query += " AND batch_id = \(bind: batch)" }
        query += Self.referenceConditions(filter)
        if let cursor {
            query += """
                 AND (created_at, invoice_id) > (\(bind: StoredValues.milliseconds(cursor.createdAt)), \
                \(bind: cursor.id.rawValue))
                """
        }
        query += " ORDER BY created_at, invoice_id LIMIT \(bind: max(0, limit))"
        return try await rows(query, "list invoices").map(Self.invoiceRecord)
    }

    func invoiceCountsByState(tenant: TenantID, batchID: String?) async throws -> [InvoiceState: Int] {
        var query: SQLQueryString = """
            SELECT state, COUNT(*) AS invoice_count FROM invoices WHERE tenant_id = \(bind: tenant.rawValue)
            """
        if let batchID { query += " AND batch_id = \(bind: batchID)" }
        query += " GROUP BY state"
        var counts: [InvoiceState: Int] = [:]
        for row in try await rows(query, "count invoices") {
            let reader = RowReader(row, "invoices")
            counts[try reader.enumeration("state", as: InvoiceState.self)] = try reader.int("invoice_count")
        }
        return counts
    }

    static func invoiceRecord(_ row: any SQLRow) throws -> InvoiceRecord {
        let reader = RowReader(row, "invoices")
        let issueDate = try reader.optionalString("issue_date").flatMap { CalendarDate(text: $0) }
        let total = try reader.optionalString("total_text").map { text in
            guard let value = ExactDecimal(text) else {
                throw StoreError.unavailable("invoices.total_text is not a decimal number")
            }
            return value
        }
        return InvoiceRecord(
            id: InvoiceID(try reader.string("invoice_id")), tenant: TenantID(try reader.string("tenant_id")),
            state: try reader.enumeration("state"), version: try reader.int("version"),
            documentKey: DocumentKey(
                seller: try reader.string("seller_key"), year: try reader.int("issue_year"),
                number: try reader.string("doc_number")),
            idempotencyKey: try reader.optionalString("idempotency_key"),
            payloadSHA256: try reader.string("payload_sha256"), sourceFormat: try reader.enumeration("source_format"),
            issueDate: issueDate, buyerName: try reader.string("buyer_name"),
            customerCode: try reader.optionalString("customer_code"), currencyCode: try reader.string("currency_code"),
            totalWithVAT: total,
            findings: try StoredValues.decodeJSON(
                [GatewayFinding].self, from: try reader.string("findings_json"), what: "invoice findings"),
            batchID: try reader.optionalString("batch_id"), createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at"))
    }
}

/// An invoice's values in their column form.
struct InvoiceColumns {
    var tenant: String
    var id: String
    var state: String
    var seller: String
    var number: String
    var sourceFormat: String
    var issueDate: String?
    var totalText: String?
    var totalScaled: Int64?
    var findingsJSON: String
    var createdAt: Int64
    var updatedAt: Int64

    init(_ invoice: InvoiceRecord) throws {
        tenant = invoice.tenant.rawValue
        id = invoice.id.rawValue
        state = invoice.state.rawValue
        seller = invoice.documentKey.seller
        number = invoice.documentKey.number
        sourceFormat = invoice.sourceFormat.rawValue
        issueDate = invoice.issueDate?.isoText
        totalText = invoice.totalWithVAT?.description
        totalScaled = invoice.totalWithVAT.map(StoredValues.scaledAmount)
        findingsJSON = try StoredValues.json(invoice.findings)
        createdAt = StoredValues.milliseconds(invoice.createdAt)
        updatedAt = StoredValues.milliseconds(invoice.updatedAt)
    }
}
