import EInvoice
import Foundation

/// Turns a ledger's payment into the row the reconciliation feed shows.
enum PaymentPosting {
    /// The payment `paid` (just added to `ledger`), with the balance after it: the amount due minus every payment
    /// of its kind known now. A payment beyond what remained is kept whole and flagged.
    static func payment(_ paid: PaymentRecord, status: InvoiceStatusRecord, ledger: PaymentLedger,
                        amountDue: ExactDecimal?, feedSequence: Int64, at: Date) -> RecordedPayment
    {
        let counted = paid.currency == ledger.currency
        let total = paid.kind == .sent ? ledger.sentTotal : ledger.cashedTotal
        let remaining = counted ? amountDue.map { $0 - total } : nil
        return RecordedPayment(
            tenant: status.tenant, invoiceID: status.invoiceID, statusID: status.id, kind: paid.kind,
            amount: paid.amount, currency: paid.currency, date: paid.date, amountDue: amountDue,
            remainingAfter: remaining, exceedsBalance: remaining?.isNegative ?? false, feedSequence: feedSequence,
            recordedAt: at)
    }
}
