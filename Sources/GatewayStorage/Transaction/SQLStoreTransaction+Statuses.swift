import EInvoice
import Foundation
import Gateway
import SQLKit

/// Lifecycle statuses, where each invoice stands, and the statuses' CDAR messages (migration 3).
extension SQLStoreTransaction {
    static let statusColumns = """
        arrival, tenant_id, invoice_id, status_id, message_id, code, status_time, reasons_json, amounts_json, \
        source, actor, cdar_sha256, document_name, outcome, received_at
        """

    func insertStatus(_ status: InvoiceStatusRecord) async throws -> Bool {
        let reason = status.reasons.first
        let inserted = try await rows("""
            INSERT INTO invoice_statuses (tenant_id, invoice_id, status_id, message_id, code, status_time, \
            reason_code, reason_text, reasons_json, amounts_json, source, actor, cdar_sha256, document_name, outcome, \
            received_at) VALUES (\(bind: status.tenant.rawValue), \(bind: status.invoiceID.rawValue), \
            \(bind: status.id), \(bind: status.messageID), \(bind: status.status.code), \
            \(bind: status.statusTime.compactText), \(bind: reason.map(\.code)), \(bind: reason.map(\.text)), \
            \(bind: try StoredValues.json(status.reasons.map(StoredReason.init))), \
            \(bind: try StoredValues.json(status.amounts.map(StoredAmount.init))), \(bind: status.source.rawValue), \
            \(bind: status.actor), \(bind: status.cdarSHA256), \(bind: status.documentName), \
            \(bind: status.outcome.rawValue), \(bind: StoredValues.milliseconds(status.receivedAt)))
            ON CONFLICT DO NOTHING RETURNING arrival
            """, "insert lifecycle status")
        return !inserted.isEmpty
    }

    func statuses(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceStatusRecord] {
        try await rows("""
            SELECT \(unsafeRaw: Self.statusColumns) FROM invoice_statuses
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue) ORDER BY arrival
            """, "read lifecycle statuses").map(Self.statusRecord)
    }

    static func statusRecord(_ row: any SQLRow) throws -> InvoiceStatusRecord {
        let reader = RowReader(row, "invoice_statuses")
        let time = try reader.string("status_time")
        guard let statusTime = LifecycleDateTime(text: time) else {
            throw StoreError.unavailable("invoice_statuses.status_time is not a CDAR date-time")
        }
        let reasons = try StoredValues.decodeJSON(
            [StoredReason].self, from: try reader.string("reasons_json"), what: "status reasons")
        let amounts = try StoredValues.decodeJSON(
            [StoredAmount].self, from: try reader.string("amounts_json"), what: "status amounts")
        return InvoiceStatusRecord(
            id: try reader.string("status_id"), tenant: TenantID(try reader.string("tenant_id")),
            invoiceID: InvoiceID(try reader.string("invoice_id")), messageID: try reader.string("message_id"),
            status: LifecycleStatus(code: try reader.string("code")), statusTime: statusTime,
            reasons: reasons.map(\.reason), amounts: try amounts.map { try $0.statusAmount() },
            source: try reader.enumeration("source"), actor: try reader.string("actor"),
            cdarSHA256: try reader.optionalString("cdar_sha256"), documentName: try reader.optionalString("document_name"),
            outcome: try reader.enumeration("outcome"), receivedAt: try reader.date("received_at"),
            arrival: try reader.int64("arrival"))
    }

    // MARK: Where each invoice stands

    static let summaryColumns = """
        tenant_id, invoice_id, status_code, status_time, reason_code, reason_text, amount_due_text, currency_code, \
        paid_text, sent_text, status_count, updated_at
        """

    func lifecycleSummary(invoice: InvoiceID, tenant: TenantID) async throws -> LifecycleSummary? {
        try await lifecycleSummaries(invoices: [invoice], tenant: tenant).first
    }

    func lifecycleSummaries(invoices: [InvoiceID], tenant: TenantID) async throws -> [LifecycleSummary] {
        guard !invoices.isEmpty else { return [] }
        return try await rows("""
            SELECT \(unsafeRaw: Self.summaryColumns) FROM invoice_lifecycles
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id IN (\(binds: invoices.map(\.rawValue)))
            """, "read lifecycle summaries").map(Self.summary)
    }

    func putLifecycleSummary(_ summary: LifecycleSummary) async throws {
        try await run("""
            INSERT INTO invoice_lifecycles (\(unsafeRaw: Self.summaryColumns)) VALUES (\(bind: summary.tenant.rawValue), \
            \(bind: summary.invoiceID.rawValue), \(bind: summary.current.code), \
            \(bind: summary.currentTime.compactText), \(bind: summary.reason.map(\.code)), \
            \(bind: summary.reason.map(\.text)), \(bind: summary.amountDue?.description), \(bind: summary.currency), \
            \(bind: summary.paid.description), \(bind: summary.sent.description), \(bind: summary.statusCount), \
            \(bind: StoredValues.milliseconds(summary.updatedAt)))
            ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET status_code = excluded.status_code, \
            status_time = excluded.status_time, reason_code = excluded.reason_code, \
            reason_text = excluded.reason_text, amount_due_text = excluded.amount_due_text, \
            currency_code = excluded.currency_code, paid_text = excluded.paid_text, sent_text = excluded.sent_text, \
            status_count = excluded.status_count, updated_at = excluded.updated_at
            """, "store lifecycle summary")
    }

    static func summary(_ row: any SQLRow) throws -> LifecycleSummary {
        let reader = RowReader(row, "invoice_lifecycles")
        guard let time = LifecycleDateTime(text: try reader.string("status_time")) else {
            throw StoreError.unavailable("invoice_lifecycles.status_time is not a CDAR date-time")
        }
        let reasonCode = try reader.optionalString("reason_code")
        let reasonText = try reader.optionalString("reason_text")
        let reason = (reasonCode != nil || reasonText != nil)
            ? StatusReason(code: reasonCode ?? "", text: reasonText ?? "") : nil
        return LifecycleSummary(
            tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
            current: LifecycleStatus(code: try reader.string("status_code")), currentTime: time, reason: reason,
            amountDue: try StoredValues.decimal(try reader.optionalString("amount_due_text"), "amount_due_text"),
            currency: try reader.string("currency_code"),
            paid: try StoredValues.decimal(try reader.string("paid_text"), "paid_text"),
            sent: try StoredValues.decimal(try reader.string("sent_text"), "sent_text"),
            statusCount: try reader.int("status_count"), updatedAt: try reader.date("updated_at"))
    }

    // MARK: CDAR messages

    func putStatusDocument(_ document: StoredDocument) async throws {
        try await run("""
            INSERT INTO invoice_status_documents (tenant_id, invoice_id, name, media_type, bytes, sha256, created_at)
            VALUES (\(bind: document.tenant.rawValue), \(bind: document.invoiceID.rawValue), \(bind: document.name), \
            \(bind: document.mediaType), \(bind: Data(document.bytes)), \(bind: document.sha256), \
            \(bind: StoredValues.milliseconds(document.createdAt)))
            """, "store status document")
    }

    func statusDocuments(invoice: InvoiceID, tenant: TenantID) async throws -> [StoredDocument] {
        try await rows("""
            SELECT tenant_id, invoice_id, name, media_type, bytes, sha256, created_at FROM invoice_status_documents
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            ORDER BY created_at, name
            """, "read status documents").map(Self.statusDocument)
    }

    func statusDocument(invoice: InvoiceID, name: String, tenant: TenantID) async throws -> StoredDocument? {
        try await rows("""
            SELECT tenant_id, invoice_id, name, media_type, bytes, sha256, created_at FROM invoice_status_documents
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue) \
            AND name = \(bind: name)
            """, "read status document").first.map(Self.statusDocument)
    }

    static func statusDocument(_ row: any SQLRow) throws -> StoredDocument {
        let reader = RowReader(row, "invoice_status_documents")
        let name = try reader.string("name")
        return StoredDocument(
            tenant: TenantID(try reader.string("tenant_id")), invoiceID: InvoiceID(try reader.string("invoice_id")),
            kind: .ofStatusDocument(named: name), mediaType: try reader.string("media_type"),
            bytes: try reader.bytes("bytes"), sha256: try reader.string("sha256"),
            createdAt: try reader.date("created_at"), name: name)
    }
}

/// A status reason as stored in `reasons_json`.
struct StoredReason: Codable {
    var code: String
    var text: String

    init(_ reason: StatusReason) {
        code = reason.code
        text = reason.text
    }

    var reason: StatusReason { StatusReason(code: code, text: text) }
}

/// A status amount as stored in `amounts_json`: decimals as exact text.
struct StoredAmount: Codable {
    var typeCode: String
    var amount: String
    var currency: String?
    var vatRate: String?

    init(_ amount: StatusAmount) {
        typeCode = amount.typeCode
        self.amount = amount.amount.description
        currency = amount.currency
        vatRate = amount.vatRate?.description
    }

    func statusAmount() throws -> StatusAmount {
        StatusAmount(typeCode: typeCode, amount: try StoredValues.decimal(amount, "amounts_json"), currency: currency,
                     vatRate: try StoredValues.decimal(vatRate, "amounts_json"))
    }
}

extension StoredValues {
    /// An exact decimal read back from its text column.
    static func decimal(_ text: String, _ column: String) throws -> ExactDecimal {
        guard let value = ExactDecimal(text) else { throw StoreError.unavailable("\(column) is not a decimal number") }
        return value
    }

    static func decimal(_ text: String?, _ column: String) throws -> ExactDecimal? {
        try text.map { try decimal($0, column) }
    }
}
