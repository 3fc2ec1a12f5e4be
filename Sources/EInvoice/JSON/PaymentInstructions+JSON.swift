extension PaymentInstructions: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case meansTypeCode, meansText, remittanceInformation, creditTransfers, card, directDebit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(meansTypeCode: try container.text(.meansTypeCode))
        meansText = try container.optionalText(.meansText)
        remittanceInformation = try container.optionalText(.remittanceInformation)
        creditTransfers = try container.list(.creditTransfers)
        card = try container.optional(.card)
        directDebit = try container.optional(.directDebit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(meansTypeCode, forKey: .meansTypeCode)
        try container.encodeIfPresent(meansText, forKey: .meansText)
        try container.encodeIfPresent(remittanceInformation, forKey: .remittanceInformation)
        try container.encodeList(creditTransfers, forKey: .creditTransfers)
        try container.encodeIfPresent(card, forKey: .card)
        try container.encodeIfPresent(directDebit, forKey: .directDebit)
    }
}

extension CreditTransfer: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case accountIdentifier, accountName, serviceProviderIdentifier, isProprietaryIdentifier
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(accountIdentifier: try container.text(.accountIdentifier),
                  accountName: try container.optionalText(.accountName),
                  serviceProviderIdentifier: try container.optionalText(.serviceProviderIdentifier))
        isProprietaryIdentifier = try container.flag(.isProprietaryIdentifier)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(accountIdentifier, forKey: .accountIdentifier)
        try container.encodeIfPresent(accountName, forKey: .accountName)
        try container.encodeIfPresent(serviceProviderIdentifier, forKey: .serviceProviderIdentifier)
        try container.encodeFlag(isProprietaryIdentifier, forKey: .isProprietaryIdentifier)
    }
}

extension PaymentCard: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case primaryAccountNumber, holderName }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(primaryAccountNumber: try container.text(.primaryAccountNumber),
                  holderName: try container.optionalText(.holderName))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(primaryAccountNumber, forKey: .primaryAccountNumber)
        try container.encodeIfPresent(holderName, forKey: .holderName)
    }
}

extension DirectDebit: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case mandateReference, creditorIdentifier, debitedAccountIdentifier }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(mandateReference: try container.optionalText(.mandateReference),
                  creditorIdentifier: try container.optionalText(.creditorIdentifier),
                  debitedAccountIdentifier: try container.optionalText(.debitedAccountIdentifier))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(mandateReference, forKey: .mandateReference)
        try container.encodeIfPresent(creditorIdentifier, forKey: .creditorIdentifier)
        try container.encodeIfPresent(debitedAccountIdentifier, forKey: .debitedAccountIdentifier)
    }
}
