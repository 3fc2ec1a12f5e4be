import EInvoice
import Foundation
import Gateway
import SQLKit

/// Payments and the reconciliation feed, the platforms' flow ids, and the ERP's references (migration 3).
extension SQLStoreTransaction {
    static let paymentColumns = """
        p.tenant_id, p.feed_sequence, p.invoice_id, p.status_id, p.kind, p.amount_text, p.currency_code, \
        p.payment_time, p.amount_due_text, p.remaining_text, p.exceeds_balance, p.recorded_at
        """

    static let reconciliationColumns = paymentColumns + """
        , i.doc_number, i.issue_date, i.customer_code, r.erp_reference
        """

    static let reconciliationJoin = """
        invoice_payments p JOIN invoices i ON i.tenant_id = p.tenant_id AND i.invoice_id = p.invoice_id \
        LEFT JOIN invoice_erp_references r ON r.tenant_id = p.tenant_id AND r.invoice_id = p.invoice_id
        """

    func insertPayment(_ payment: RecordedPayment) async throws {
        try await run("""
            INSERT INTO invoice_payments (tenant_id, feed_sequence, invoice_id, status_id, kind, amount_text, \
            currency_code, payment_date, payment_time, amount_due_text, remaining_text, exceeds_balance, recorded_at)
            VALUES (\(bind: payment.tenant.rawValue), \(bind: payment.feedSequence), \
            \(bind: payment.invoiceID.rawValue), \(bind: payment.statusID), \(bind: payment.kind.rawValue), \
            \(bind: payment.amount.description), \(bind: payment.currency), \(bind: payment.date.date.isoText), \
            \(bind: payment.date.compactText), \(bind: payment.amountDue?.description), \
            \(bind: payment.remainingAfter?.description), \(bind: payment.exceedsBalance), \
            \(bind: StoredValues.milliseconds(payment.recordedAt)))
            """, "insert payment")
    }

    func payments(invoice: InvoiceID, tenant: TenantID) async throws -> [RecordedPayment] {
        try await rows("""
            SELECT \(unsafeRaw: Self.paymentColumns) FROM invoice_payments p
            WHERE p.tenant_id = \(bind: tenant.rawValue) AND p.invoice_id = \(bind: invoice.rawValue)
            ORDER BY p.feed_sequence
            """, "read payments").map(Self.payment)
    }

    func reconciliation(tenant: TenantID, after: Int64, limit: Int) async throws -> [ReconciliationEntry] {
        try await rows("""
            SELECT \(unsafeRaw: Self.reconciliationColumns) FROM \(unsafeRaw: Self.reconciliationJoin)
            WHERE p.tenant_id = \(bind: tenant.rawValue) AND p.feed_sequence > \(bind: after)
            ORDER BY p.feed_sequence LIMIT \(bind: max(0, limit))
            """, "read reconciliation feed").map(Self.reconciliationEntry)
    }

    func reconciliation(tenant: TenantID, from: CalendarDate?, to: CalendarDate?, limit: Int) async throws
        -> [ReconciliationEntry]
    {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.reconciliationColumns) FROM \(unsafeRaw: Self.reconciliationJoin)
            WHERE p.tenant_id = \(bind: tenant.rawValue)
            """
        if let from { query += " AND p.payment_date >= \(bind: from.isoText)" }
        if let to { query += " AND p.payment_date <= \(bind: to.isoText)" }
        query += " ORDER BY p.payment_date, p.feed_sequence LIMIT \(bind: max(0, limit))"
        return try await rows(query, "read reconciliation export").map(Self.reconciliationEntry)
    }

    static func payment(_ row: any SQLRow) throws -> RecordedPayment {
        let reader = RowReader(row, "invoice_payments")
        guard let date = LifecycleDateTime(text: try reader.string("payment_time")) else {
            throw StoreError.unavailable("invoice_payments.payment_time is not a CDAR date-time")
        }
        return RecordedPayment(
            tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
            statusID: try reader.string("status_id"), kind: try reader.enumeration("kind"),
            amount: try StoredValues.decimal(try reader.string("amount_text"), "amount_text"),
            currency: try reader.string("currency_code"), date: date,
            amountDue: try StoredValues.decimal(try reader.optionalString("amount_due_text"), "amount_due_text"),
            remainingAfter: try StoredValues.decimal(try reader.optionalString("remaining_text"), "remaining_text"),
            exceedsBalance: try reader.bool("exceeds_balance"), feedSequence: try reader.int64("feed_sequence"),
            recordedAt: try reader.date("recorded_at"))
    }

    static func reconciliationEntry(_ row: any SQLRow) throws -> ReconciliationEntry {
        let reader = RowReader(row, "invoice_payments")
        return ReconciliationEntry(
            payment: try payment(row), invoiceNumber: try reader.string("doc_number"),
            issueDate: try reader.optionalString("issue_date").flatMap { CalendarDate(text: $0) },
            customerCode: try reader.optionalString("customer_code"),
            erpReference: try reader.optionalString("erp_reference"))
    }

    // MARK: Platform flow ids and ERP references

    func recordPlatformSubmission(tenant: TenantID, invoice: InvoiceID, platform: String, flowID: String, at: Date)
        async throws
    {
        try await run("""
            INSERT INTO platform_submissions (tenant_id, flow_id, platform, invoice_id, submitted_at)
            VALUES (\(bind: tenant.rawValue), \(bind: flowID), \(bind: platform), \(bind: invoice.rawValue), \
            \(bind: StoredValues.milliseconds(at))) ON CONFLICT (tenant_id, flow_id) DO NOTHING
            """, "record platform submission")
    }

    func invoiceID(platformFlowID flowID: String, tenant: TenantID) async throws -> InvoiceID? {
        try await rows("""
            SELECT invoice_id FROM platform_submissions
            WHERE tenant_id = \(bind: tenant.rawValue) AND flow_id = \(bind: flowID)
            """, "find invoice by flow id").first.map { InvoiceID(try RowReader($0, "platform_submissions").string("invoice_id")) }
    }

    func putERPReference(invoice: InvoiceID, tenant: TenantID, reference: String) async throws {
        try await run("""
            INSERT INTO invoice_erp_references (tenant_id, invoice_id, erp_reference)
            VALUES (\(bind: tenant.rawValue), \(bind: invoice.rawValue), \(bind: reference))
            ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET erp_reference = excluded.erp_reference
            """, "store ERP reference")
    }

    func erpReference(invoice: InvoiceID, tenant: TenantID) async throws -> String? {
        try await rows("""
            SELECT erp_reference FROM invoice_erp_references
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            """, "read ERP reference").first.map { try RowReader($0, "invoice_erp_references").string("erp_reference") }
    }
}
