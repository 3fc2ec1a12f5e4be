import Foundation

/// A recorded payment as a document of its invoice (JSON), so that the legal archive keeps each payment next to the
/// invoice and the status that reported it.
///
/// The content is canonical (sorted keys, amounts as exact decimal strings): the same payment always gives the
/// same bytes, hence the same SHA-256 in the archive.
enum PaymentDocument {
    /// `payment-<211|212>-<status id>`: unique among the invoice's documents, like the CDAR message's name.
    static func name(of payment: RecordedPayment) -> String {
        "payment-\(payment.statusCode)-\(payment.statusID)"
    }

    static func make(_ payment: RecordedPayment, invoice: InvoiceRecord) throws
        -> StoredDocument
    {
        let content = Content(
            tenant: payment.tenant.rawValue, invoiceID: payment.invoiceID.rawValue,
            invoiceNumber: invoice.documentKey.number, statusID: payment.statusID, statusCode: payment.statusCode,
            kind: payment.kind.rawValue, amount: payment.amount.description, currency: payment.currency,
            paymentDate: payment.date.description, amountDue: payment.amountDue?.description,
            remainingBalance: payment.remainingBalance?.description, excess: payment.excess?.description,
            exceedsBalance: payment.exceedsBalance,
            recordedAt: payment.recordedAt.formatted(.iso8601))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(content))
        return StoredDocument(
            tenant: payment.tenant, invoiceID: payment.invoiceID, kind: .payment,
            mediaType: DocumentKind.payment.mediaType, bytes: bytes, sha256: Hashing.sha256Hex(bytes),
            createdAt: payment.recordedAt, name: name(of: payment))
    }

    private struct Content: Encodable {
        var tenant: String
        var invoiceID: String
        /// BT-1
        var invoiceNumber: String
        var statusID: String
        var statusCode: String
        var kind: String
        var amount: String
        var currency: String
        var paymentDate: String
        /// BT-115 (or BT-112 when the invoice gives no amount due).
        var amountDue: String?
        var remainingBalance: String?
        var excess: String?
        var exceedsBalance: Bool
        var recordedAt: String
    }
}
