/// BG-4 Seller or BG-7 Buyer.
public struct Party: Sendable, Hashable {
    /// BT-27 Seller name / BT-44 Buyer name
    public var name: String = ""
    /// BT-28 Seller trading name / BT-45 Buyer trading name
    public var tradingName: String?
    /// BT-29 Seller identifier / BT-46 Buyer identifier, with scheme (BT-29-1 / BT-46-1)
    public var identifiers: [Identifier] = []
    /// BT-30 Seller legal registration identifier / BT-47 Buyer legal registration identifier (SIREN: scheme 0002)
    public var legalRegistrationIdentifier: Identifier?
    /// BT-31 Seller VAT identifier / BT-48 Buyer VAT identifier
    public var vatIdentifier: String?
    /// BT-32 Seller tax registration identifier (seller only)
    public var taxRegistrationIdentifier: String?
    /// BT-33 Seller additional legal information (seller only)
    public var additionalLegalInformation: String?
    /// BT-34 Seller electronic address / BT-49 Buyer electronic address, with scheme (BT-34-1 / BT-49-1)
    public var electronicAddress: Identifier?
    /// BG-5 Seller postal address / BG-8 Buyer postal address
    public var postalAddress: PostalAddress?
    /// BG-6 Seller contact / BG-9 Buyer contact
    public var contact: Contact?

    public init() {}
}

/// BG-10 Payee
public struct Payee: Sendable, Hashable {
    /// BT-59 Payee name
    public var name: String
    /// BT-60 Payee identifier, with BT-60-1 scheme
    public var identifier: Identifier?
    /// BT-61 Payee legal registration identifier, with BT-61-1 scheme
    public var legalRegistrationIdentifier: Identifier?

    public init(name: String, identifier: Identifier? = nil, legalRegistrationIdentifier: Identifier? = nil) {
        self.name = name
        self.identifier = identifier
        self.legalRegistrationIdentifier = legalRegistrationIdentifier
    }
}

/// BG-11 Seller tax representative party
public struct TaxRepresentative: Sendable, Hashable {
    /// BT-62 Seller tax representative name
    public var name: String
    /// BT-63 Seller tax representative VAT identifier
    public var vatIdentifier: String?
    /// BG-12 Seller tax representative postal address
    public var postalAddress: PostalAddress?

    public init(name: String, vatIdentifier: String? = nil, postalAddress: PostalAddress? = nil) {
        self.name = name
        self.vatIdentifier = vatIdentifier
        self.postalAddress = postalAddress
    }
}

/// BG-5, BG-8, BG-12 and BG-15: a postal address.
public struct PostalAddress: Sendable, Hashable {
    /// BT-35 / BT-50 / BT-64 / BT-75 Address line 1
    public var line1: String?
    /// BT-36 / BT-51 / BT-65 / BT-76 Address line 2
    public var line2: String?
    /// BT-162 / BT-163 / BT-164 / BT-165 Address line 3
    public var line3: String?
    /// BT-37 / BT-52 / BT-66 / BT-77 City
    public var city: String?
    /// BT-38 / BT-53 / BT-67 / BT-78 Post code
    public var postCode: String?
    /// BT-39 / BT-54 / BT-68 / BT-79 Country subdivision
    public var countrySubdivision: String?
    /// BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2)
    public var countryCode: String = ""

    public init(countryCode: String = "") { self.countryCode = countryCode }
}

/// BG-6 Seller contact / BG-9 Buyer contact
public struct Contact: Sendable, Hashable {
    /// BT-41 / BT-56 Contact point
    public var name: String?
    /// BT-42 / BT-57 Contact telephone number
    public var telephone: String?
    /// BT-43 / BT-58 Contact email address
    public var email: String?

    public init(name: String? = nil, telephone: String? = nil, email: String? = nil) {
        self.name = name
        self.telephone = telephone
        self.email = email
    }
}

/// BG-13 Delivery information
public struct DeliveryInformation: Sendable, Hashable {
    /// BT-70 Deliver to party name
    public var partyName: String?
    /// BT-71 Deliver to location identifier, with BT-71-1 scheme
    public var locationIdentifier: Identifier?
    /// BT-72 Actual delivery date
    public var actualDeliveryDate: CalendarDate?
    /// BG-15 Deliver to address
    public var address: PostalAddress?

    public init() {}
}
