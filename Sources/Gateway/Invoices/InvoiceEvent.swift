import Foundation

/// One entry of an invoice's history. The event log is the audit trail: every state change writes its event in the
/// same transaction.
public struct InvoiceEvent: Hashable, Sendable, Codable {
    /// Assigned by the store, increasing.
    public var sequence: Int64?
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    /// What happened, e.g. `invoice.received`, `invoice.checked`, `invoice.rejected`, `invoice.rendered`,
    /// `invoice.held`, `job.parked`, `job.replayed`.
    public var type: String
    /// The invoice's state after the event.
    public var state: InvoiceState
    /// Unique per invoice: a step that runs again after a crash cannot write its event twice.
    public var dedupKey: String
    /// Who caused it: an API key id, `pipeline`, `platform`.
    public var actor: String
    /// A short human explanation.
    public var message: String
    /// Details as a JSON object (findings, document hashes, platform ids…).
    public var detailJSON: String?
    public var occurredAt: Date

    public init(
        sequence: Int64? = nil, tenant: TenantID, invoiceID: InvoiceID, type: String, state: InvoiceState,
        dedupKey: String, actor: String, message: String, detailJSON: String? = nil, occurredAt: Date
    ) {
        self.sequence = sequence
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.type = type
        self.state = state
        self.dedupKey = dedupKey
        self.actor = actor
        self.message = message
        self.detailJSON = detailJSON
        self.occurredAt = occurredAt
    }
}
