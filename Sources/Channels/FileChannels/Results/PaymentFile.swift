import EInvoice
import Foundation
import Gateway

/// One line of a payment file: a payment reported for an invoice (211 sent or 212 cashed) and what remains due.
public struct PaymentFileEntry: Sendable, Hashable {
    /// BT-1.
    public var invoiceNumber: String
    /// The ERP's accounting reference for the invoice (e.g. BT-19, the buyer accounting reference, or the ledger
    /// entry the ERP gave).
    public var accountingReference: String
    public var payment: PaymentRecord
    /// What remains due after this payment; nil when the invoice total is unknown.
    public var remainingBalance: ExactDecimal?

    public init(invoiceNumber: String, accountingReference: String, payment: PaymentRecord,
                remainingBalance: ExactDecimal?) {
        self.invoiceNumber = invoiceNumber
        self.accountingReference = accountingReference
        self.payment = payment
        self.remainingBalance = remainingBalance
    }

    /// The entries of one invoice's payments, in date order, each with the balance remaining after it: the invoice
    /// total (BT-112) minus the cashed (212) payments so far in the invoice currency, never below zero. A payment
    /// sent (211) does not lower the balance (the seller has not received it yet).
    public static func entries(invoiceNumber: String, accountingReference: String, ledger: PaymentLedger)
        -> [PaymentFileEntry]
    {
        var cashed = ExactDecimal.zero
        return ledger.records.map { record in
            if record.kind == .cashed, record.currency == ledger.currency { cashed = cashed + record.amount }
            let remaining = ledger.invoiceTotal.map { Swift.max(.zero, $0 - cashed) }
            return PaymentFileEntry(invoiceNumber: invoiceNumber, accountingReference: accountingReference,
                                    payment: record, remainingBalance: remaining)
        }
    }
}

/// The payment file sent back to the ERP for lettering.
///
/// CSV columns: `invoice;amount;currency;date;remaining_balance;accounting_reference;kind;message_id`. Amounts are
/// exact decimals with a point (`1234.50`); `date` is `YYYY-MM-DD`; `kind` is `cashed` (212) or `sent` (211).
public enum PaymentFile {
    public static let columns = [
        "invoice", "amount", "currency", "date", "remaining_balance", "accounting_reference", "kind", "message_id",
    ]

    public static func render(_ entries: [PaymentFileEntry], format: ResultFileFormat, at date: Date = Date())
        -> [UInt8]
    {
        var table = ResultTable(columns: columns)
        for entry in entries {
            table.append([
                entry.invoiceNumber, entry.payment.amount.description, entry.payment.currency,
                entry.payment.date.date.isoText, entry.remainingBalance?.description ?? "",
                entry.accountingReference, entry.payment.kind.rawValue, entry.payment.messageID,
            ])
        }
        switch format {
        case .csv: return table.csv()
        case .xml:
            return table.xml(root: "Payments", rootAttributes: [("writtenAt", ResultTable.timestamp(date))],
                             row: "Payment")
        }
    }
}
