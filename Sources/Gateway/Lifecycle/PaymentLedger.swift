import EInvoice

/// The payments of one invoice and what remains due.
///
/// Payments sent (211) and cashed (212) are kept apart: the buyer's 211 and the seller's 212 usually report the
/// same money, so adding them up would count it twice. The remaining balance is the invoice total (BT-112) minus
/// the cashed payments; `sentTotal` says what the buyer announced. A payment in another currency than the invoice's
/// is kept but not counted (`foreignCurrency`).
public struct PaymentLedger: Sendable, Hashable {
    /// BT-112, the invoice total with VAT; nil when unknown.
    public var invoiceTotal: ExactDecimal?
    /// BT-5, the invoice currency.
    public var currency: String
    /// Every payment, in date order (then message id).
    public private(set) var records: [PaymentRecord] = []

    public init(invoiceTotal: ExactDecimal?, currency: String) {
        self.invoiceTotal = invoiceTotal
        self.currency = currency
    }

    mutating func add(_ record: PaymentRecord) {
        records.append(record)
        records.sort { ($0.date, $0.messageID) < ($1.date, $1.messageID) }
        var running: [PaymentRecord.Kind: ExactDecimal] = [:]
        for index in records.indices where records[index].currency == currency {
            let kind = records[index].kind
            let sum = running[kind, default: .zero] + records[index].amount
            running[kind] = sum
            records[index].coverage = invoiceTotal.map { sum >= $0 } == true ? .full : .partial
        }
    }

    /// Sum of the cashed (212) payments in the invoice currency.
    public var cashedTotal: ExactDecimal { total(of: .cashed) }
    /// Sum of the sent (211) payments in the invoice currency.
    public var sentTotal: ExactDecimal { total(of: .sent) }

    /// Invoice total minus the cashed payments, never negative; nil when the total is unknown.
    public var remainingBalance: ExactDecimal? {
        invoiceTotal.map { Swift.max(.zero, $0 - cashedTotal) }
    }

    /// How much more than the invoice total was cashed; nil when nothing was over-paid (or the total is unknown).
    public var overpayment: ExactDecimal? {
        guard let total = invoiceTotal, cashedTotal > total else { return nil }
        return cashedTotal - total
    }

    /// Payments not in the invoice currency: kept, not counted.
    public var foreignCurrency: [PaymentRecord] { records.filter { $0.currency != currency } }

    /// Progress of the payments of one kind.
    public func progress(of kind: PaymentRecord.Kind) -> PaymentProgress {
        guard let due = invoiceTotal, records.contains(where: { $0.kind == kind && $0.currency == currency })
        else { return .unknown }
        let paid = total(of: kind)
        return paid >= due ? .full : .partial(remaining: due - paid)
    }

    private func total(of kind: PaymentRecord.Kind) -> ExactDecimal {
        ExactDecimal.sum(records.filter { $0.kind == kind && $0.currency == currency }.map(\.amount))
    }
}
