import Foundation

/// What the audit trail keeps in the database besides events: the archive entries of each stored document, and
/// the references (BT-12, BT-13, BT-16) each invoice cites. Every call is scoped by tenant.
public protocol AuditTrailStore: Sendable {
    /// All stored documents of an invoice (every kind), oldest first.
    func documents(invoice: InvoiceID, tenant: TenantID) async throws -> [StoredDocument]

    /// Records archive entries; an entry already recorded for the same (invoice, kind, sha256) is left as it is.
    func recordArchived(_ receipts: [ArchiveReceipt]) async throws
    /// The archive entries recorded for an invoice, in the order they were archived.
    func archived(invoice: InvoiceID, tenant: TenantID) async throws -> [ArchiveReceipt]

    /// Stores an invoice's references (at intake, in the intake's transaction).
    func insertReferences(_ references: [InvoiceReference]) async throws
    func references(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceReference]
}
