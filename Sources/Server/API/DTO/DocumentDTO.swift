import Foundation
import Gateway

/// One document of an invoice, without its bytes.
struct DocumentDTO: Encodable, Sendable {
    /// `original`, `cii`, `ubl`, `facturx`, `cdar` or `payment`.
    var kind: String
    /// Unique per invoice: the kind, or `cdar-<code>-<status id>` for a lifecycle message and
    /// `payment-<code>-<status id>` for a payment record.
    var name: String
    var mediaType: String
    var sha256: String
    var size: Int
    var createdAt: Date
    var link: String

    init(_ document: StoredDocument) {
        kind = document.kind.rawValue
        name = document.name
        mediaType = document.mediaType
        sha256 = document.sha256
        size = document.bytes.count
        createdAt = document.createdAt
        link = "\(InvoiceDTO.path(document.invoiceID))/documents/\(document.name)"
    }
}
