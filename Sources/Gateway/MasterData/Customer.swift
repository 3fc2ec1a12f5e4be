import EInvoice

/// The format a customer wants its invoices in.
public enum PreferredFormat: String, Sendable, Codable, CaseIterable {
    case cii
    case ubl
    case facturX = "facturx"
}

/// A customer (buyer) as the ERP knows it, kept identical on both sides.
public struct Customer: Hashable, Sendable, Codable {
    /// The ERP's customer code; BT-46 Buyer identifier on the invoices.
    public var code: String
    /// BT-44 Buyer name
    public var name: String
    /// BT-47 Buyer legal registration identifier, scheme 0002 (9 digits).
    public var siren: String?
    /// The SIRET of the billed establishment (14 digits).
    public var siret: String?
    /// BT-48 Buyer VAT identifier
    public var vatIdentifier: String?
    /// BG-8 Buyer postal address
    public var address: CustomerAddress?
    /// BT-49 Buyer electronic address: the directory's addressing identifier (scheme 0225 in France).
    public var electronicAddress: String?
    /// BT-49-1, e.g. `0225`.
    public var electronicAddressScheme: String?
    /// The routing code within the buyer's organisation (directory "code routage").
    public var routingCode: String?
    /// The platform that receives the customer's invoices, as the directory says (written back by the lookup
    /// before sending, next to ``electronicAddress``).
    public var receivingPlatform: ReceivingPlatform?
    public var preferredFormat: PreferredFormat?
    /// The price-list group the customer belongs to.
    public var priceGroup: String?
    public var active: Bool

    public init(code: String, name: String, siren: String? = nil, siret: String? = nil, vatIdentifier: String? = nil,
                address: CustomerAddress? = nil, electronicAddress: String? = nil,
                electronicAddressScheme: String? = nil, routingCode: String? = nil,
                preferredFormat: PreferredFormat? = nil, priceGroup: String? = nil, active: Bool = true,
                receivingPlatform: ReceivingPlatform? = nil) {
        self.code = code
        self.name = name
        self.siren = siren
        self.siret = siret
        self.vatIdentifier = vatIdentifier
        self.address = address
        self.electronicAddress = electronicAddress
        self.electronicAddressScheme = electronicAddressScheme
        self.routingCode = routingCode
        self.preferredFormat = preferredFormat
        self.priceGroup = priceGroup
        self.active = active
        self.receivingPlatform = receivingPlatform
    }
}

/// BG-8 Buyer postal address, as master data.
public struct CustomerAddress: Hashable, Sendable, Codable {
    /// BT-50
    public var line1: String?
    /// BT-51
    public var line2: String?
    /// BT-52
    public var city: String?
    /// BT-53
    public var postCode: String?
    /// BT-55 (ISO 3166-1 alpha-2)
    public var countryCode: String

    public init(line1: String? = nil, line2: String? = nil, city: String? = nil, postCode: String? = nil,
                countryCode: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postCode = postCode
        self.countryCode = countryCode
    }
}
