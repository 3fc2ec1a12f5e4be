import EInvoice
import Foundation

/// The syntax an invoice arrived in from the ERP.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// The canonical JSON invoice (docs/invoice-json.md).
    case json
    case cii
    case ubl
    case facturX = "facturx"
}

/// What makes an ERP document unique: the tenant, the seller, the year of issue and the invoice number (BT-1).
/// A second invoice with the same key is the same invoice sent again, not a new one.
public struct DocumentKey: Hashable, Sendable {
    /// The seller's identity: SIREN (BT-30, scheme 0002) when present, else VAT id (BT-31), else name (BT-27).
    public var seller: String
    /// The year of the issue date (BT-2).
    public var year: Int
    /// BT-1
    public var number: String

    public init(seller: String, year: Int, number: String) {
        self.seller = seller
        self.year = year
        self.number = number
    }

    /// The key of an invoice, or nil when it has no number or no issue date (the rules reject such invoices).
    public init?(invoice: Invoice) {
        guard !invoice.number.isEmpty, let issueDate = invoice.issueDate else { return nil }
        let seller = invoice.seller
        let siren = seller.legalRegistrationIdentifier.flatMap { $0.schemeID == "0002" ? $0.value : nil }
        let identity = siren ?? seller.vatIdentifier ?? seller.legalRegistrationIdentifier?.value ?? seller.name
        self.init(seller: identity, year: issueDate.year, number: invoice.number)
    }
}

/// An invoice as the gateway keeps it: its identity, the facts used to search for it, its state and version.
/// The invoice's content lives in its documents (``StoredDocument``); its history in its events.
public struct InvoiceRecord: Hashable, Sendable {
    public var id: InvoiceID
    public var tenant: TenantID
    public var state: InvoiceState
    /// Incremented by every change; a change made with a stale version is refused.
    public var version: Int
    public var documentKey: DocumentKey
    /// The `Idempotency-Key` the ERP sent with the request that created it.
    public var idempotencyKey: String?
    /// SHA-256 (hex) of the original payload: a retried request with other content is a conflict, not a retry.
    public var payloadSHA256: String
    public var sourceFormat: SourceFormat
    /// BT-2
    public var issueDate: CalendarDate?
    /// BT-44
    public var buyerName: String
    /// The customer code in the synced master data (BT-46 buyer identifier when present).
    public var customerCode: String?
    /// BT-5
    public var currencyCode: String
    /// BT-112 Invoice total amount with VAT.
    public var totalWithVAT: ExactDecimal?
    /// The findings of the last check (catalogue and rules), fatal and warnings.
    public var findings: [GatewayFinding]
    /// The batch the invoice came in, when it came through `POST /v1/batches`.
    public var batchID: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: InvoiceID, tenant: TenantID, state: InvoiceState, version: Int = 1, documentKey: DocumentKey,
        idempotencyKey: String?, payloadSHA256: String, sourceFormat: SourceFormat, issueDate: CalendarDate?,
        buyerName: String, customerCode: String?, currencyCode: String, totalWithVAT: ExactDecimal?,
        findings: [GatewayFinding] = [], batchID: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenant = tenant
        self.state = state
        self.version = version
        self.documentKey = documentKey
        self.idempotencyKey = idempotencyKey
        self.payloadSHA256 = payloadSHA256
        self.sourceFormat = sourceFormat
        self.issueDate = issueDate
        self.buyerName = buyerName
        self.customerCode = customerCode
        self.currencyCode = currencyCode
        self.totalWithVAT = totalWithVAT
        self.findings = findings
        self.batchID = batchID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
