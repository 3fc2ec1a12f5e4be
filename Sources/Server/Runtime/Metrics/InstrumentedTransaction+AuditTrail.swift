import Foundation
import Gateway

/// The audit trail's calls, forwarded as they are (nothing in them is counted).
extension InstrumentedTransaction {
    func documents(invoice: InvoiceID, tenant: TenantID) async throws -> [StoredDocument] {
        try await base.documents(invoice: invoice, tenant: tenant)
    }
    func recordArchived(_ receipts: [ArchiveReceipt]) async throws {
        try await base.recordArchived(receipts)
    }
    func archived(invoice: InvoiceID, tenant: TenantID) async throws -> [ArchiveReceipt] {
        try await base.archived(invoice: invoice, tenant: tenant)
    }
    func insertReferences(_ references: [InvoiceReference]) async throws {
        try await base.insertReferences(references)
    }
    func references(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceReference] {
        try await base.references(invoice: invoice, tenant: tenant)
    }
}
