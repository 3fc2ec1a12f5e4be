import EInvoice
import Foundation

/// A payment reported by a 211 or 212 status, as the gateway keeps it (table `invoice_payments`) for the
/// reconciliation feed. Amounts are exact; nothing is clamped: a payment beyond what remained is kept as sent and
/// flagged (`exceedsBalance`, and `remainingAfter` goes negative).
public struct RecordedPayment: Hashable, Sendable {
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    /// The status that reported it (``InvoiceStatusRecord/id``).
    public var statusID: String
    /// 211 Paiement transmis (sent by the buyer) or 212 Encaissée (cashed by the seller).
    public var kind: PaymentRecord.Kind
    /// The sum of the status's payment amounts (all VAT rates).
    public var amount: ExactDecimal
    public var currency: String
    /// The payment date (the status date-time).
    public var date: LifecycleDateTime
    /// What the invoice asked for: BT-115 (amount due) when the invoice gives it, else BT-112; nil when unknown.
    public var amountDue: ExactDecimal?
    /// `amountDue` minus every payment of the same kind known once this one arrived (211s and 212s are counted
    /// apart: they usually report the same money). Negative when over-paid; nil when the amount due is unknown or
    /// the payment is in another currency than the invoice's.
    public var remainingAfter: ExactDecimal?
    /// The payment is larger than what remained before it.
    public var exceedsBalance: Bool
    /// The position of the payment's change-feed entry: the reconciliation feed's cursor.
    public var feedSequence: Int64
    public var recordedAt: Date

    public init(
        tenant: TenantID, invoiceID: InvoiceID, statusID: String, kind: PaymentRecord.Kind, amount: ExactDecimal,
        currency: String, date: LifecycleDateTime, amountDue: ExactDecimal?, remainingAfter: ExactDecimal?,
        exceedsBalance: Bool, feedSequence: Int64, recordedAt: Date
    ) {
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.statusID = statusID
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.date = date
        self.amountDue = amountDue
        self.remainingAfter = remainingAfter
        self.exceedsBalance = exceedsBalance
        self.feedSequence = feedSequence
        self.recordedAt = recordedAt
    }

    /// The status code: `211` or `212`.
    public var statusCode: String { kind == .sent ? "211" : "212" }

    /// What remains, never below zero (the feed's `remainingBalance`; `excess` says what was paid beyond).
    public var remainingBalance: ExactDecimal? { remainingAfter.map(\.atLeastZero) }
    /// What was paid beyond the amount due, when over-paid.
    public var excess: ExactDecimal? {
        guard let remaining = remainingAfter, remaining.isNegative else { return nil }
        return remaining.magnitude
    }
    /// Whether payments of this kind now cover the amount due.
    public var settles: Bool { remainingAfter.map { !($0 > .zero) } ?? false }
}

/// A payment with the invoice facts the ERP letters it by: one row of the reconciliation feed and CSV.
public struct ReconciliationEntry: Hashable, Sendable {
    public var payment: RecordedPayment
    /// BT-1, the ERP's invoice number.
    public var invoiceNumber: String
    /// BT-2
    public var issueDate: CalendarDate?
    /// The customer code (BT-46 when present).
    public var customerCode: String?
    /// The accounting reference the ERP gave at intake (`Passerelle-ERP-Reference`), if any.
    public var erpReference: String?

    public init(payment: RecordedPayment, invoiceNumber: String, issueDate: CalendarDate?, customerCode: String?,
                erpReference: String?) {
        self.payment = payment
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.customerCode = customerCode
        self.erpReference = erpReference
    }
}

extension ExactDecimal {
    /// The value, or zero written with the same fraction digits when it is negative (`-25.18` → `0.00`).
    public var atLeastZero: ExactDecimal {
        isNegative ? ExactDecimal(mantissa: 0, fractionDigits: fractionDigits) : self
    }
}
