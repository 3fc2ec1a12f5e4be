import EInvoice
import Foundation

/// Where an invoice stands in its lifecycle, kept up to date by ``LifecycleService`` (table `invoice_lifecycles`)
/// so that reading an invoice does not replay its statuses.
public struct LifecycleSummary: Hashable, Sendable {
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    /// The current status (MDT-105) and when it took effect.
    public var current: LifecycleStatus
    public var currentTime: LifecycleDateTime
    /// The current status's first reason (MDT-113), if any.
    public var reason: StatusReason?
    /// BT-115 when the invoice gives it, else BT-112; nil when unknown.
    public var amountDue: ExactDecimal?
    public var currency: String
    /// Sum of the 212 (cashed) payments in the invoice currency.
    public var paid: ExactDecimal
    /// Sum of the 211 (sent) payments in the invoice currency.
    public var sent: ExactDecimal
    /// How many statuses the invoice has (duplicates excluded).
    public var statusCount: Int
    public var updatedAt: Date

    public init(
        tenant: TenantID, invoiceID: InvoiceID, current: LifecycleStatus, currentTime: LifecycleDateTime,
        reason: StatusReason?, amountDue: ExactDecimal?, currency: String, paid: ExactDecimal, sent: ExactDecimal,
        statusCount: Int, updatedAt: Date
    ) {
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.current = current
        self.currentTime = currentTime
        self.reason = reason
        self.amountDue = amountDue
        self.currency = currency
        self.paid = paid
        self.sent = sent
        self.statusCount = statusCount
        self.updatedAt = updatedAt
    }

    /// Amount due minus what was cashed; negative when over-paid; nil when the amount due is unknown.
    public var remaining: ExactDecimal? { amountDue.map { $0 - paid } }
    /// Whether the cashed payments cover the amount due.
    public var fullyPaid: Bool { remaining.map { !($0 > .zero) } ?? false }
}
