import Foundation

/// Puts the invoice's payments (211 Paiement transmis, 212 Encaissée) on its audit timeline, so that an auditor goes
/// from a delivery or an order (`passerelle audit find`) to the invoice and from there to what was paid, when, and
/// what remained.
public struct PaymentTimelineContributor: TimelineContributor {
    public init() {}

    public func items(invoice: InvoiceID, tenant: TenantID, in transaction: any StoreTransaction) async throws
        -> [TimelineItem]
    {
        try await transaction.payments(invoice: invoice, tenant: tenant).map(Self.item)
    }

    static func item(_ payment: RecordedPayment) -> TimelineItem {
        let what = payment.kind == .sent ? "payment sent" : "payment received"
        var summary = "\(what) (\(payment.statusCode)): \(payment.amount) \(payment.currency) on \(payment.date)"
        var attributes = [
            "type": "payment", "status": payment.statusCode, "amount": payment.amount.description,
            "currency": payment.currency, "date": payment.date.description, "statusID": payment.statusID,
        ]
        if let remaining = payment.remainingBalance {
            summary += ", remaining \(remaining) \(payment.currency)"
            attributes["remainingBalance"] = remaining.description
        }
        if let excess = payment.excess, payment.exceedsBalance {
            summary += ", \(excess) over the balance"
            attributes["excess"] = excess.description
        }
        return TimelineItem(kind: .other, at: payment.recordedAt, summary: summary, attributes: attributes)
    }
}
