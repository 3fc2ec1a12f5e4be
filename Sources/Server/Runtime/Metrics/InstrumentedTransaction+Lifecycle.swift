import EInvoice
import Foundation
import Gateway

/// Forwards the lifecycle store (statuses, payments, flow ids, ERP references) to the real transaction.
extension InstrumentedTransaction {
    func insertStatus(_ status: InvoiceStatusRecord) async throws -> Bool {
        try await base.insertStatus(status)
    }
    func statuses(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceStatusRecord] {
        try await base.statuses(invoice: invoice, tenant: tenant)
    }
    func lifecycleSummary(invoice: InvoiceID, tenant: TenantID) async throws -> LifecycleSummary? {
        try await base.lifecycleSummary(invoice: invoice, tenant: tenant)
    }
    func lifecycleSummaries(invoices: [InvoiceID], tenant: TenantID) async throws -> [LifecycleSummary] {
        try await base.lifecycleSummaries(invoices: invoices, tenant: tenant)
    }
    func putLifecycleSummary(_ summary: LifecycleSummary) async throws {
        try await base.putLifecycleSummary(summary)
    }
    func putStatusDocument(_ document: StoredDocument) async throws {
        try await base.putStatusDocument(document)
    }
    func statusDocuments(invoice: InvoiceID, tenant: TenantID) async throws -> [StoredDocument] {
        try await base.statusDocuments(invoice: invoice, tenant: tenant)
    }
    func statusDocument(invoice: InvoiceID, name: String, tenant: TenantID) async throws -> StoredDocument? {
        try await base.statusDocument(invoice: invoice, name: name, tenant: tenant)
    }
    func insertPayment(_ payment: RecordedPayment) async throws {
        try await base.insertPayment(payment)
    }
    func payments(invoice: InvoiceID, tenant: TenantID) async throws -> [RecordedPayment] {
        try await base.payments(invoice: invoice, tenant: tenant)
    }
    func reconciliation(tenant: TenantID, after: Int64, limit: Int) async throws -> [ReconciliationEntry] {
        try await base.reconciliation(tenant: tenant, after: after, limit: limit)
    }
    func reconciliation(tenant: TenantID, from: CalendarDate?, to: CalendarDate?, limit: Int) async throws
        -> [ReconciliationEntry]
    {
        try await base.reconciliation(tenant: tenant, from: from, to: to, limit: limit)
    }
    func recordPlatformSubmission(tenant: TenantID, invoice: InvoiceID, platform: String, flowID: String, at: Date)
        async throws
    {
        try await base.recordPlatformSubmission(tenant: tenant, invoice: invoice, platform: platform, flowID: flowID,
                                                at: at)
    }
    func invoiceID(platformFlowID flowID: String, tenant: TenantID) async throws -> InvoiceID? {
        try await base.invoiceID(platformFlowID: flowID, tenant: tenant)
    }
    func putERPReference(invoice: InvoiceID, tenant: TenantID, reference: String) async throws {
        try await base.putERPReference(invoice: invoice, tenant: tenant, reference: reference)
    }
    func erpReference(invoice: InvoiceID, tenant: TenantID) async throws -> String? {
        try await base.erpReference(invoice: invoice, tenant: tenant)
    }
}
