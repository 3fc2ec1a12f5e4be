import EInvoice
import EInvoiceSyntax
import Foundation

/// A status to take in: a CDAR message or a structured status, for an invoice named one of several ways.
public struct StatusSubmission: Sendable {
    public enum Content: Sendable {
        /// A CDAR D22B message, as received (read with ``CDARReader``; stored as a document of the invoice).
        case cdar([UInt8])
        /// A status already read (an API call, an adapter that gets JSON).
        case structured(ReceivedStatus)
    }

    /// Which invoice the status is about.
    public enum Target: Sendable, Hashable {
        /// The gateway's id. A CDAR message must also reference this invoice (number and year, and the seller
        /// when the invoice is keyed by SIREN).
        case invoice(InvoiceID)
        /// The flow id the platform gave at submission (AFNOR `flowId`).
        case platformFlow(String)
        /// What the CDAR message references: seller SIREN (MDT-129), invoice number (MDT-87) and year (MDG-35).
        case message
    }

    public var tenant: TenantID
    public var content: Content
    public var target: Target
    public var source: StatusSource
    /// The platform's name or the API key id.
    public var actor: String

    public init(tenant: TenantID, content: Content, target: Target, source: StatusSource, actor: String) {
        self.tenant = tenant
        self.content = content
        self.target = target
        self.source = source
        self.actor = actor
    }

    /// What a platform adapter calls with a CDAR message it fetched: the invoice is found by the flow id when the
    /// platform gives one, else by the message's reference.
    public static func fromPlatform(tenant: TenantID, cdar: [UInt8], platform: String, flowID: String? = nil)
        -> StatusSubmission
    {
        StatusSubmission(
            tenant: tenant, content: .cdar(cdar), target: flowID.map(Target.platformFlow) ?? .message,
            source: .platform, actor: platform)
    }
}

/// What was done with a submitted status.
public struct StatusReceipt: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// New: recorded, with what it did to the lifecycle.
        case recorded(StatusOutcome)
        /// Already known (same message id, or same code at the same time): nothing was written.
        case duplicate
    }

    public var invoice: InvoiceRecord
    /// The status as stored (for a duplicate: the one received before).
    public var status: InvoiceStatusRecord
    public var outcome: Outcome
    /// The payment it reported, when new.
    public var payment: RecordedPayment?
    public var summary: LifecycleSummary?
}

/// Why a status was refused.
public enum LifecycleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CDAR message cannot be read; the error says where and why.
    case unreadableMessage(CDARReadError)
    /// No invoice of the tenant matches; the text says what was looked for.
    case invoiceNotFound(String)
    /// The CDAR message is about another invoice than the one named.
    case wrongInvoice(String)
    /// A structured status is not acceptable.
    case invalidStatus(String)

    public var description: String {
        switch self {
        case .unreadableMessage(let error): "the CDAR message cannot be read: \(error.description)"
        case .invoiceNotFound(let what): "no invoice matches \(what)"
        case .wrongInvoice(let detail): detail
        case .invalidStatus(let detail): detail
        }
    }
}
