import EInvoice
import Foundation

/// Lifecycle statuses, payments and the facts they are matched by, in tables of their own (the invoices table is
/// not changed). Every call is scoped by tenant.
public protocol LifecycleStore: Sendable {
    /// Inserts a status; false (and nothing written) when the invoice already has one with the same message id, or
    /// the same code at the same time: a duplicate.
    func insertStatus(_ status: InvoiceStatusRecord) async throws -> Bool
    /// The invoice's statuses in arrival order.
    func statuses(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceStatusRecord]

    func lifecycleSummary(invoice: InvoiceID, tenant: TenantID) async throws -> LifecycleSummary?
    /// The summaries of these invoices that have one (any order).
    func lifecycleSummaries(invoices: [InvoiceID], tenant: TenantID) async throws -> [LifecycleSummary]
    func putLifecycleSummary(_ summary: LifecycleSummary) async throws

    /// Stores a CDAR message of an invoice under its unique ``StoredDocument/name``.
    func putStatusDocument(_ document: StoredDocument) async throws
    /// The invoice's CDAR messages, oldest first.
    func statusDocuments(invoice: InvoiceID, tenant: TenantID) async throws -> [StoredDocument]
    func statusDocument(invoice: InvoiceID, name: String, tenant: TenantID) async throws -> StoredDocument?

    func insertPayment(_ payment: RecordedPayment) async throws
    func payments(invoice: InvoiceID, tenant: TenantID) async throws -> [RecordedPayment]
    /// Payments with their invoice facts, by feed sequence, strictly after `after`, at most `limit`.
    func reconciliation(tenant: TenantID, after: Int64, limit: Int) async throws -> [ReconciliationEntry]
    /// Payments dated from `from` to `to` (inclusive, either open), by date then feed sequence, at most `limit`.
    func reconciliation(tenant: TenantID, from: CalendarDate?, to: CalendarDate?, limit: Int) async throws
        -> [ReconciliationEntry]

    /// Remembers under which id a platform took an invoice (the AFNOR flow id), to match its statuses later.
    func recordPlatformSubmission(tenant: TenantID, invoice: InvoiceID, platform: String, flowID: String, at: Date)
        async throws
    /// The invoice a platform knows under `flowID`.
    func invoiceID(platformFlowID flowID: String, tenant: TenantID) async throws -> InvoiceID?

    /// The ERP's accounting reference of an invoice, given at intake.
    func putERPReference(invoice: InvoiceID, tenant: TenantID, reference: String) async throws
    func erpReference(invoice: InvoiceID, tenant: TenantID) async throws -> String?
}
