extension Party: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, tradingName, identifiers, legalRegistrationIdentifier, vatIdentifier, taxRegistrationIdentifier
        case additionalLegalInformation, electronicAddress, postalAddress, contact
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        name = try container.text(.name)
        tradingName = try container.optionalText(.tradingName)
        identifiers = try container.list(.identifiers)
        legalRegistrationIdentifier = try container.optional(.legalRegistrationIdentifier)
        vatIdentifier = try container.optionalText(.vatIdentifier)
        taxRegistrationIdentifier = try container.optionalText(.taxRegistrationIdentifier)
        additionalLegalInformation = try container.optionalText(.additionalLegalInformation)
        electronicAddress = try container.optional(.electronicAddress)
        postalAddress = try container.optional(.postalAddress)
        contact = try container.optional(.contact)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(name, forKey: .name)
        try container.encodeIfPresent(tradingName, forKey: .tradingName)
        try container.encodeList(identifiers, forKey: .identifiers)
        try container.encodeIfPresent(legalRegistrationIdentifier, forKey: .legalRegistrationIdentifier)
        try container.encodeIfPresent(vatIdentifier, forKey: .vatIdentifier)
        try container.encodeIfPresent(taxRegistrationIdentifier, forKey: .taxRegistrationIdentifier)
        try container.encodeIfPresent(additionalLegalInformation, forKey: .additionalLegalInformation)
        try container.encodeIfPresent(electronicAddress, forKey: .electronicAddress)
        try container.encodeIfPresent(postalAddress, forKey: .postalAddress)
        try container.encodeIfPresent(contact, forKey: .contact)
    }
}

extension Payee: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, identifier, legalRegistrationIdentifier }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(name: try container.text(.name), identifier: try container.optional(.identifier),
                  legalRegistrationIdentifier: try container.optional(.legalRegistrationIdentifier))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(name, forKey: .name)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(legalRegistrationIdentifier, forKey: .legalRegistrationIdentifier)
    }
}

extension TaxRepresentative: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, vatIdentifier, postalAddress }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(name: try container.text(.name), vatIdentifier: try container.optionalText(.vatIdentifier),
                  postalAddress: try container.optional(.postalAddress))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(name, forKey: .name)
        try container.encodeIfPresent(vatIdentifier, forKey: .vatIdentifier)
        try container.encodeIfPresent(postalAddress, forKey: .postalAddress)
    }
}

extension PostalAddress: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case line1, line2, line3, city, postCode, countrySubdivision, countryCode
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(countryCode: try container.text(.countryCode))
        line1 = try container.optionalText(.line1)
        line2 = try container.optionalText(.line2)
        line3 = try container.optionalText(.line3)
        city = try container.optionalText(.city)
        postCode = try container.optionalText(.postCode)
        countrySubdivision = try container.optionalText(.countrySubdivision)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(line1, forKey: .line1)
        try container.encodeIfPresent(line2, forKey: .line2)
        try container.encodeIfPresent(line3, forKey: .line3)
        try container.encodeIfPresent(city, forKey: .city)
        try container.encodeIfPresent(postCode, forKey: .postCode)
        try container.encodeIfPresent(countrySubdivision, forKey: .countrySubdivision)
        try container.encodeText(countryCode, forKey: .countryCode)
    }
}

extension Contact: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, telephone, email }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(name: try container.optionalText(.name), telephone: try container.optionalText(.telephone),
                  email: try container.optionalText(.email))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(telephone, forKey: .telephone)
        try container.encodeIfPresent(email, forKey: .email)
    }
}

extension DeliveryInformation: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case partyName, locationIdentifier, actualDeliveryDate, address }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        partyName = try container.optionalText(.partyName)
        locationIdentifier = try container.optional(.locationIdentifier)
        actualDeliveryDate = try container.optional(.actualDeliveryDate)
        address = try container.optional(.address)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(partyName, forKey: .partyName)
        try container.encodeIfPresent(locationIdentifier, forKey: .locationIdentifier)
        try container.encodeIfPresent(actualDeliveryDate, forKey: .actualDeliveryDate)
        try container.encodeIfPresent(address, forKey: .address)
    }
}
