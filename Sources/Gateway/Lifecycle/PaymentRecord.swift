import EInvoice

/// A payment reported by a 211 (sent by the buyer) or 212 (cashed by the seller) status.
public struct PaymentRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// 211 Paiement transmis.
        case sent
        /// 212 Encaissée.
        case cashed
    }

    /// The message that reported it.
    public var messageID: String
    public var kind: Kind
    /// When it was paid or cashed (the status date-time).
    public var date: LifecycleDateTime
    /// The sum of the message's payment amounts (MEN/MPA, all VAT rates).
    public var amount: ExactDecimal
    public var currency: String
    /// The amounts per VAT rate, as received.
    public var breakdown: [StatusAmount]
    /// Whether the payments of this kind, up to and including this one (in date order), settle the invoice.
    public internal(set) var coverage: PaymentCoverage

    /// A record for a 211/212 status with at least one payment amount in one currency; nil otherwise.
    /// Amounts without a currency are taken in `invoiceCurrency`.
    init?(_ received: ReceivedStatus, invoiceCurrency: String) {
        let kind: Kind
        switch received.status {
        case .paymentSent: kind = .sent
        case .paymentReceived: kind = .cashed
        default: return nil
        }
        let payments = received.amounts.filter(\.isPayment)
        let currencies = Set(payments.map { $0.currency ?? invoiceCurrency })
        guard let currency = currencies.first, currencies.count == 1 else { return nil }
        self.messageID = received.messageID
        self.kind = kind
        self.date = received.timestamp
        self.amount = ExactDecimal.sum(payments.map(\.amount))
        self.currency = currency
        self.breakdown = payments
        self.coverage = .partial
    }
}

public enum PaymentCoverage: Sendable, Hashable {
    case partial
    case full
}

/// How much of an invoice is paid.
public enum PaymentProgress: Sendable, Hashable {
    /// Part is paid; `remaining` is still due.
    case partial(remaining: ExactDecimal)
    /// Everything is paid (an over-payment is flagged by `PaymentLedger.overpayment`).
    case full
    /// No amount was reported, or the invoice total is unknown.
    case unknown
}
