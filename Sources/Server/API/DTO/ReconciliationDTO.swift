import EInvoice
import Foundation
import Gateway

/// One payment of the reconciliation feed, with what the ERP letters it by. Amounts are exact decimal strings.
struct ReconciliationDTO: Encodable, Sendable {
    /// The feed position (pass the page's `next` as `since`).
    var sequence: Int64
    var invoiceID: String
    /// BT-1
    var invoiceNumber: String
    /// BT-2
    var issueDate: String?
    /// The accounting reference the ERP gave at intake (`Passerelle-ERP-Reference`).
    var erpReference: String?
    var customerCode: String?
    /// `211` (Paiement transmis) or `212` (Encaissée).
    var statusCode: String
    /// `sent` (211) or `cashed` (212).
    var kind: String
    /// `YYYY-MM-DD`
    var paymentDate: String
    var amount: String
    var currency: String
    /// BT-115 when the invoice gives it, else BT-112.
    var amountDue: String?
    /// What remains after this payment (payments of its kind), never below zero.
    var remainingBalance: String?
    /// What was paid beyond the amount due.
    var excess: String?
    /// The payment was larger than what remained before it.
    var exceedsBalance: Bool
    /// Payments of this kind now cover the amount due.
    var fullyPaid: Bool
    var recordedAt: Date

    init(_ entry: ReconciliationEntry) {
        let payment = entry.payment
        sequence = payment.feedSequence
        invoiceID = payment.invoiceID.rawValue
        invoiceNumber = entry.invoiceNumber
        issueDate = entry.issueDate?.isoText
        erpReference = entry.erpReference
        customerCode = entry.customerCode
        statusCode = payment.statusCode
        kind = payment.kind.rawValue
        paymentDate = payment.date.date.isoText
        amount = payment.amount.description
        currency = payment.currency
        amountDue = payment.amountDue?.description
        remainingBalance = payment.remainingBalance?.description
        excess = payment.excess?.description
        exceedsBalance = payment.exceedsBalance
        fullyPaid = payment.settles
        recordedAt = payment.recordedAt
    }

    /// The CSV columns, in order (the same fields as the JSON).
    static let csvHeader = [
        "sequence", "invoiceId", "invoiceNumber", "issueDate", "erpReference", "customerCode", "statusCode", "kind",
        "paymentDate", "amount", "currency", "amountDue", "remainingBalance", "excess", "exceedsBalance",
        "fullyPaid", "recordedAt",
    ]

    var csvCells: [String] {
        [
            String(sequence), invoiceID, invoiceNumber, issueDate ?? "", erpReference ?? "", customerCode ?? "",
            statusCode, kind, paymentDate, amount, currency, amountDue ?? "", remainingBalance ?? "", excess ?? "",
            exceedsBalance ? "true" : "false", fullyPaid ? "true" : "false", APIJSON.timestamp(recordedAt),
        ]
    }
}

/// A page of the reconciliation feed; `next` is always given (pass it as `since`).
struct ReconciliationPageDTO: Encodable, Sendable {
    var items: [ReconciliationDTO]
    var next: String
    var hasMore: Bool
}
