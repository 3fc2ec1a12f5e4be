import EInvoice
import Foundation
import Gateway

/// The payment file sent back to the ERP for lettering: the payments reported by 211 (Paiement transmis) and 212
/// (Encaissée) lifecycle statuses, in the order they arrived (the reconciliation feed's order).
///
/// CSV columns: `sequence;invoice;issue_date;amount_paid;payment_date;remaining_balance;currency;status_code;
/// accounting_reference;platform`. `sequence` is the payment's feed position (the file channel's cursor, unique);
/// amounts are exact decimals with a point (`1234.50`); dates are `YYYY-MM-DD`; `remaining_balance` is what remains
/// after this payment (payments of its kind), never below zero, empty when the amount due is unknown;
/// `accounting_reference` is the ERP's own reference given at intake (`Passerelle-ERP-Reference`); `platform` the
/// accredited platform the invoice went through.
public enum PaymentFile {
    public static let columns = [
        "sequence", "invoice", "issue_date", "amount_paid", "payment_date", "remaining_balance", "currency",
        "status_code", "accounting_reference", "platform",
    ]

    /// `payments-<first sequence>-<last sequence>.csv` (12 digits each); nil without rows.
    public static func name(for rows: [PaymentFileRow], format: ResultFileFormat) -> String? {
        guard let first = rows.first?.entry.payment.feedSequence, let last = rows.last?.entry.payment.feedSequence
        else { return nil }
        return "payments-\(StatusFile.padded(first))-\(StatusFile.padded(last)).\(format.fileExtension)"
    }

    public static func render(_ rows: [PaymentFileRow], format: ResultFileFormat, at date: Date = Date())
        -> [UInt8]
    {
        var table = ResultTable(columns: columns)
        for row in rows {
            let entry = row.entry
            let payment = entry.payment
            table.append([
                String(payment.feedSequence), entry.invoiceNumber, entry.issueDate?.isoText ?? "",
                payment.amount.description, payment.date.date.isoText, payment.remainingBalance?.description ?? "",
                payment.currency, payment.statusCode, entry.erpReference ?? "", row.platform ?? "",
            ])
        }
        switch format {
        case .csv: return table.csv()
        case .xml:
            return table.xml(
                root: "Payments",
                rootAttributes: [("writtenAt", ResultTable.timestamp(date)),
                                 ("from", rows.first.map { String($0.entry.payment.feedSequence) }),
                                 ("to", rows.last.map { String($0.entry.payment.feedSequence) })],
                row: "Payment")
        }
    }
}
