import Foundation

/// Everything intake writes for one new invoice, in one value: the record, its original payload, its references,
/// the `invoice.received` event with its change-feed entry, the check job and the audit entry.
public struct NewInvoiceWrite: Sendable {
    public var record: InvoiceRecord
    public var original: StoredDocument
    public var references: [InvoiceReference]
    /// The ERP's own reference for lettering, when it gave one.
    public var erpReference: String?
    public var event: InvoiceEvent
    public var checkJob: NewJob
    /// The audit entry of the request that created the invoice, when the caller audits (the API).
    public var audit: AuditEntry?

    public init(record: InvoiceRecord, original: StoredDocument, references: [InvoiceReference],
                erpReference: String?, event: InvoiceEvent, checkJob: NewJob, audit: AuditEntry?) {
        self.record = record
        self.original = original
        self.references = references
        self.erpReference = erpReference
        self.event = event
        self.checkJob = checkJob
        self.audit = audit
    }

    /// The change-feed entry the new invoice makes.
    public var change: String { "state:\(record.state.rawValue)" }
}

/// Intake's batch operations: what a group of new invoices needs, in a few statements instead of a dozen per
/// invoice. The defaults run the one-by-one operations, so every store has them; a SQL store overrides them with
/// multi-row statements.
public protocol IntakeBatchStore: InvoiceStore, ChangeFeedStore, JobStore, AuditStore, AuditTrailStore, LifecycleStore {
    /// The tenant's invoices that hold one of these idempotency keys, or a non-rejected invoice with one of these
    /// document keys. May return more (the caller matches exactly); never fewer.
    func invoices(tenant: TenantID, idempotencyKeys: [String], documentKeys: [DocumentKey]) async throws
        -> [InvoiceRecord]
    /// Writes new invoices, each as ``NewInvoiceWrite`` describes. Throws ``StoreError/duplicate(constraint:)`` when
    /// one of them breaks a unique key (another writer took it meanwhile): the caller's transaction then rolls back.
    func insertNewInvoices(_ writes: [NewInvoiceWrite]) async throws
}

extension IntakeBatchStore {
    public func invoices(tenant: TenantID, idempotencyKeys: [String], documentKeys: [DocumentKey]) async throws
        -> [InvoiceRecord]
    {
        var found: [InvoiceRecord] = []
        for key in idempotencyKeys {
            if let invoice = try await invoice(idempotencyKey: key, tenant: tenant) { found.append(invoice) }
        }
        for key in documentKeys {
            if let invoice = try await invoice(documentKey: key, tenant: tenant) { found.append(invoice) }
        }
        return found
    }

    public func insertNewInvoices(_ writes: [NewInvoiceWrite]) async throws {
        for write in writes {
            try await insertInvoice(write.record)
            try await putDocument(write.original)
            try await insertReferences(write.references)
            if let reference = write.erpReference {
                try await putERPReference(invoice: write.record.id, tenant: write.record.tenant, reference: reference)
            }
            try await appendEvent(write.event)
            try await appendChange(
                tenant: write.record.tenant, subject: .invoice, key: write.record.id.rawValue,
                version: write.record.version, change: write.change, at: write.event.occurredAt)
            try await enqueue(write.checkJob)
            if let audit = write.audit { try await appendAudit(audit) }
        }
    }
}
