import EInvoice
import Foundation

/// Where a status came from.
public enum StatusSource: String, Sendable, Codable, CaseIterable {
    /// A platform adapter (the AFNOR Flow client, the sandbox) fetched or was sent a CDAR message.
    case platform
    /// An ERP or an operator posted it through the API (`POST /v1/invoices/{id}/statuses`).
    case api
}

/// One lifecycle status of an invoice as the gateway keeps it (table `invoice_statuses`): every distinct status
/// received, in arrival order, including those that did not move the invoice (out of order, after the end).
public struct InvoiceStatusRecord: Hashable, Sendable {
    /// The gateway's id of this status (a lowercase UUID).
    public var id: String
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    /// CDAR MDT-4, or the id the API caller gave (or one derived from code and time): the duplicate key.
    public var messageID: String
    /// MDT-105
    public var status: LifecycleStatus
    /// When the status took effect, as the message says.
    public var statusTime: LifecycleDateTime
    /// MDT-113 codes and texts.
    public var reasons: [StatusReason]
    /// MDG-43 amounts (211/212).
    public var amounts: [StatusAmount]
    public var source: StatusSource
    /// Who delivered it: the platform's name, or the API key id.
    public var actor: String
    /// SHA-256 (hex) of the CDAR message, when the status came as one.
    public var cdarSHA256: String?
    /// The name of the stored CDAR document (`cdar-205-…`), when the status came as one.
    public var documentName: String?
    /// What the tracker did with it when it arrived.
    public var outcome: StatusOutcome
    /// When it reached the gateway.
    public var receivedAt: Date
    /// Assigned by the store, increasing: the arrival order.
    public var arrival: Int64?

    public init(
        id: String, tenant: TenantID, invoiceID: InvoiceID, messageID: String, status: LifecycleStatus,
        statusTime: LifecycleDateTime, reasons: [StatusReason], amounts: [StatusAmount], source: StatusSource,
        actor: String, cdarSHA256: String?, documentName: String?, outcome: StatusOutcome, receivedAt: Date,
        arrival: Int64? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.messageID = messageID
        self.status = status
        self.statusTime = statusTime
        self.reasons = reasons
        self.amounts = amounts
        self.source = source
        self.actor = actor
        self.cdarSHA256 = cdarSHA256
        self.documentName = documentName
        self.outcome = outcome
        self.receivedAt = receivedAt
        self.arrival = arrival
    }

    /// The tracker's view of it.
    public var received: ReceivedStatus {
        ReceivedStatus(messageID: messageID, status: status, timestamp: statusTime, reasons: reasons, amounts: amounts)
    }
}

/// What a new (non-duplicate) status did to the invoice's lifecycle.
public enum StatusOutcome: String, Sendable, Codable, CaseIterable {
    /// It became the current status.
    case applied
    /// Older than the current status: kept in the history, the invoice did not move backwards.
    case older
    /// The lifecycle had ended (210, 212, 213, 220): kept in the history only.
    case afterTerminal = "after-terminal"

    init?(_ decision: LifecycleDecision) {
        switch decision {
        case .applied: self = .applied
        case .recorded(.older): self = .older
        case .recorded(.afterTerminal): self = .afterTerminal
        case .duplicate: return nil
        }
    }
}
