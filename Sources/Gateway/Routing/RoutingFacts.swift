import Crypto
import EInvoice

/// What the routing rules look at, taken from the invoice, its record and the customer's master data.
public struct RoutingFacts: Hashable, Sendable {
    /// The customer code in the master data (BT-46 Buyer identifier).
    public var customerCode: String?
    /// BT-47 with scheme 0002, or the first 9 digits of the SIRET.
    public var buyerSIREN: String?
    /// The buyer's SIRET (14 digits): BT-46 or BT-47 with scheme 0009, else the customer's master data.
    public var buyerSIRET: String?
    /// BT-55 Buyer country code, else the customer's master-data address.
    public var buyerCountry: String?
    /// The buyer is a French public-law entity: its SIREN starts with 1 or 2 (INSEE's numbering of public
    /// bodies). Rules that need an exact list use SIRET ranges instead.
    public var publicSector: Bool
    /// The ERP's batch (the `Passerelle-Batch` header, or the batch of `POST /v1/batches`).
    public var batchID: String?
    /// 0 ..< 10,000: where the invoice falls in a percentage roll-out (see ``rolloutBucket(seller:number:)``).
    public var rolloutBucket: Int
    /// The format used when a rule names none: the customer's preferred format, else the source's syntax.
    public var preferredFormat: DeliveryFormat

    public init(customerCode: String? = nil, buyerSIREN: String? = nil, buyerSIRET: String? = nil,
                buyerCountry: String? = nil, publicSector: Bool? = nil, batchID: String? = nil,
                seller: String, number: String, preferredFormat: DeliveryFormat = .cii) {
        self.customerCode = customerCode
        self.buyerSIRET = buyerSIRET
        self.buyerSIREN = buyerSIREN ?? buyerSIRET.map { String($0.prefix(9)) }
        self.buyerCountry = buyerCountry?.uppercased()
        self.publicSector = publicSector ?? Self.isPublicBody(siren: self.buyerSIREN)
        self.batchID = batchID
        self.rolloutBucket = Self.rolloutBucket(seller: seller, number: number)
        self.preferredFormat = preferredFormat
    }

    /// The facts of a stored invoice.
    public init(invoice: Invoice, record: InvoiceRecord, customer: Customer?) {
        let buyer = invoice.buyer
        let identifiers = buyer.identifiers + (buyer.legalRegistrationIdentifier.map { [$0] } ?? [])
        let siret = identifiers.first { $0.schemeID == "0009" || Self.isDigits($0.value, count: 14) }?.value
            ?? customer?.siret
        let siren = identifiers.first { $0.schemeID == "0002" || Self.isDigits($0.value, count: 9) }?.value
            ?? customer?.siren
        let country = buyer.postalAddress?.countryCode.isEmpty == false
            ? buyer.postalAddress?.countryCode : customer?.address?.countryCode
        let preferred: DeliveryFormat = switch customer?.preferredFormat {
        case .ubl?: .ubl
        case .facturX?: .facturX
        case .cii?: .cii
        case nil: record.sourceFormat == .ubl ? .ubl : (record.sourceFormat == .facturX ? .facturX : .cii)
        }
        self.init(customerCode: record.customerCode, buyerSIREN: siren, buyerSIRET: siret, buyerCountry: country,
                  batchID: record.batchID, seller: record.documentKey.seller, number: record.documentKey.number,
                  preferredFormat: preferred)
    }

    /// A stable position in 0 ..< 10,000 from the seller and the invoice number (SHA-256, first 8 bytes): the same
    /// invoice always falls in the same place, so a roll-out of p % takes the buckets below p × 100 and raising p
    /// keeps every invoice already in.
    public static func rolloutBucket(seller: String, number: String) -> Int {
        let digest = SHA256.hash(data: Array((seller + "\u{1F}" + number).utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return Int(value % 10_000)
    }

    static func isPublicBody(siren: String?) -> Bool {
        guard let first = siren?.first else { return false }
        return first == "1" || first == "2"
    }

    static func isDigits(_ value: String, count: Int) -> Bool {
        value.utf8.count == count && value.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
