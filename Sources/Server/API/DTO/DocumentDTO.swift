import Foundation
import Gateway

/// One document of an invoice, without its bytes.
struct DocumentDTO: Encodable, Sendable {
    /// `original`, `cii`, `ubl` or `facturx`.
    var kind: String
    var mediaType: String
    var sha256: String
    var size: Int
    var createdAt: Date
    var link: String

    init(_ document: StoredDocument) {
        kind = document.kind.rawValue
        mediaType = document.mediaType
        sha256 = document.sha256
        size = document.bytes.count
        createdAt = document.createdAt
        link = "\(InvoiceDTO.path(document.invoiceID))/documents/\(document.kind.rawValue)"
    }
}
