extension InvoiceLine: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case identifier, note, objectIdentifier, quantity, netAmount, purchaseOrderLineReference
        case buyerAccountingReference, period, allowances, charges, price, vat, item
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(
            identifier: try container.text(.identifier),
            quantity: try container.optional(.quantity),
            netAmount: try container.optional(.netAmount),
            price: try container.group(.price, default: PriceDetails(netPrice: nil)),
            vat: try container.group(.vat, default: LineVATInformation(categoryCode: "")),
            item: try container.group(.item, default: ItemInformation(name: "")))
        note = try container.optionalText(.note)
        objectIdentifier = try container.optional(.objectIdentifier)
        purchaseOrderLineReference = try container.optionalText(.purchaseOrderLineReference)
        buyerAccountingReference = try container.optionalText(.buyerAccountingReference)
        period = try container.optional(.period)
        allowances = try container.list(.allowances)
        charges = try container.list(.charges)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(identifier, forKey: .identifier)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(objectIdentifier, forKey: .objectIdentifier)
        try container.encodeIfPresent(quantity, forKey: .quantity)
        try container.encodeIfPresent(netAmount, forKey: .netAmount)
        try container.encodeIfPresent(purchaseOrderLineReference, forKey: .purchaseOrderLineReference)
        try container.encodeIfPresent(buyerAccountingReference, forKey: .buyerAccountingReference)
        try container.encodeIfPresent(period, forKey: .period)
        try container.encodeList(allowances, forKey: .allowances)
        try container.encodeList(charges, forKey: .charges)
        try container.encodeGroup(price, default: PriceDetails(netPrice: nil), forKey: .price)
        try container.encodeGroup(vat, default: LineVATInformation(categoryCode: ""), forKey: .vat)
        try container.encodeGroup(item, default: ItemInformation(name: ""), forKey: .item)
    }
}

extension PriceDetails: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case netPrice, discount, grossPrice, baseQuantity }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(netPrice: try container.optional(.netPrice), discount: try container.optional(.discount),
                  grossPrice: try container.optional(.grossPrice), baseQuantity: try container.optional(.baseQuantity))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(netPrice, forKey: .netPrice)
        try container.encodeIfPresent(discount, forKey: .discount)
        try container.encodeIfPresent(grossPrice, forKey: .grossPrice)
        try container.encodeIfPresent(baseQuantity, forKey: .baseQuantity)
    }
}

extension LineVATInformation: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case categoryCode, rate }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(categoryCode: try container.text(.categoryCode), rate: try container.optional(.rate))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(categoryCode, forKey: .categoryCode)
        try container.encodeIfPresent(rate, forKey: .rate)
    }
}

extension ItemInformation: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, sellerIdentifier, buyerIdentifier, standardIdentifier, classifications
        case countryOfOrigin, attributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(name: try container.text(.name))
        description = try container.optionalText(.description)
        sellerIdentifier = try container.optionalText(.sellerIdentifier)
        buyerIdentifier = try container.optionalText(.buyerIdentifier)
        standardIdentifier = try container.optional(.standardIdentifier)
        classifications = try container.list(.classifications)
        countryOfOrigin = try container.optionalText(.countryOfOrigin)
        attributes = try container.list(.attributes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(sellerIdentifier, forKey: .sellerIdentifier)
        try container.encodeIfPresent(buyerIdentifier, forKey: .buyerIdentifier)
        try container.encodeIfPresent(standardIdentifier, forKey: .standardIdentifier)
        try container.encodeList(classifications, forKey: .classifications)
        try container.encodeIfPresent(countryOfOrigin, forKey: .countryOfOrigin)
        try container.encodeList(attributes, forKey: .attributes)
    }
}

extension ItemClassification: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case code, listID, listVersionID }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(code: try container.text(.code), listID: try container.optionalText(.listID),
                  listVersionID: try container.optionalText(.listVersionID))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(code, forKey: .code)
        try container.encodeIfPresent(listID, forKey: .listID)
        try container.encodeIfPresent(listVersionID, forKey: .listVersionID)
    }
}

extension ItemAttribute: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(name: try container.text(.name), value: try container.text(.value))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(name, forKey: .name)
        try container.encodeText(value, forKey: .value)
    }
}
