import Foundation

/// The kinds of document kept for an invoice. The original ERP payload is kept next to every document made from it.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    /// The bytes the ERP sent, unchanged.
    case original
    case cii
    case ubl
    case facturX = "facturx"
    /// A lifecycle status message (CDAR D22B) received for the invoice; one per status, each under its own name.
    case cdar
    /// The platform's answer to the submission (for the AFNOR Flow Service the `FullFlowInfo` JSON), as received.
    case platformReceipt = "platform-receipt"

    public var mediaType: String {
        switch self {
        case .original: "application/octet-stream"
        case .cii, .ubl, .cdar: "application/xml"
        case .facturX: "application/pdf"
        case .platformReceipt: "application/json"
        }
    }
}

/// One document of an invoice.
public struct StoredDocument: Hashable, Sendable {
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    public var kind: DocumentKind
    /// Unique among the invoice's documents: the kind for the one-per-invoice kinds, `cdar-<code>-<status id>` for
    /// a lifecycle message.
    public var name: String
    public var mediaType: String
    public var bytes: [UInt8]
    /// SHA-256 of `bytes`, lowercase hex.
    public var sha256: String
    public var createdAt: Date

    public init(tenant: TenantID, invoiceID: InvoiceID, kind: DocumentKind, mediaType: String, bytes: [UInt8],
                sha256: String, createdAt: Date, name: String? = nil) {
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.kind = kind
        self.name = name ?? kind.rawValue
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
        self.createdAt = createdAt
    }
}
