/// The root of the canonical JSON invoice (docs/invoice-json.md lists every key with its term id).
extension Invoice: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case number, issueDate, typeCode, currencyCode, vatAccountingCurrencyCode, taxPointDate, taxPointDateCode
        case dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference
        case salesOrderReference, receivingAdviceReference, despatchAdviceReference, tenderOrLotReference
        case invoicedObjectIdentifier, buyerAccountingReference, paymentTerms, notes, processControl
        case precedingInvoices, seller, buyer, payee, sellerTaxRepresentative, delivery, invoicingPeriod
        case paymentInstructions, allowances, charges, totals, vatBreakdown, supportingDocuments, lines
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        number = try container.text(.number)
        issueDate = try container.optional(.issueDate)
        typeCode = try container.optionalText(.typeCode) ?? typeCode
        currencyCode = try container.text(.currencyCode)
        vatAccountingCurrencyCode = try container.optionalText(.vatAccountingCurrencyCode)
        taxPointDate = try container.optional(.taxPointDate)
        taxPointDateCode = try container.optionalText(.taxPointDateCode)
        dueDate = try container.optional(.dueDate)
        buyerReference = try container.optionalText(.buyerReference)
        projectReference = try container.optionalText(.projectReference)
        contractReference = try container.optionalText(.contractReference)
        purchaseOrderReference = try container.optionalText(.purchaseOrderReference)
        salesOrderReference = try container.optionalText(.salesOrderReference)
        receivingAdviceReference = try container.optionalText(.receivingAdviceReference)
        despatchAdviceReference = try container.optionalText(.despatchAdviceReference)
        tenderOrLotReference = try container.optionalText(.tenderOrLotReference)
        invoicedObjectIdentifier = try container.optional(.invoicedObjectIdentifier)
        buyerAccountingReference = try container.optionalText(.buyerAccountingReference)
        paymentTerms = try container.optionalText(.paymentTerms)
        notes = try container.list(.notes)
        processControl = try container.group(.processControl, default: processControl)
        precedingInvoices = try container.list(.precedingInvoices)
        seller = try container.group(.seller, default: seller)
        buyer = try container.group(.buyer, default: buyer)
        payee = try container.optional(.payee)
        sellerTaxRepresentative = try container.optional(.sellerTaxRepresentative)
        delivery = try container.optional(.delivery)
        invoicingPeriod = try container.optional(.invoicingPeriod)
        paymentInstructions = try container.optional(.paymentInstructions)
        allowances = try container.list(.allowances)
        charges = try container.list(.charges)
        totals = try container.group(.totals, default: totals)
        vatBreakdown = try container.list(.vatBreakdown)
        supportingDocuments = try container.list(.supportingDocuments)
        lines = try container.list(.lines)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(number, forKey: .number)
        try container.encodeIfPresent(issueDate, forKey: .issueDate)
        // Always written, even "": its default when absent is "380", not "".
        try container.encode(typeCode, forKey: .typeCode)
        try container.encodeText(currencyCode, forKey: .currencyCode)
        try container.encodeIfPresent(vatAccountingCurrencyCode, forKey: .vatAccountingCurrencyCode)
        try container.encodeIfPresent(taxPointDate, forKey: .taxPointDate)
        try container.encodeIfPresent(taxPointDateCode, forKey: .taxPointDateCode)
        try container.encodeIfPresent(dueDate, forKey: .dueDate)
        try container.encodeIfPresent(buyerReference, forKey: .buyerReference)
        try container.encodeIfPresent(projectReference, forKey: .projectReference)
        try container.encodeIfPresent(contractReference, forKey: .contractReference)
        try container.encodeIfPresent(purchaseOrderReference, forKey: .purchaseOrderReference)
        try container.encodeIfPresent(salesOrderReference, forKey: .salesOrderReference)
        try container.encodeIfPresent(receivingAdviceReference, forKey: .receivingAdviceReference)
        try container.encodeIfPresent(despatchAdviceReference, forKey: .despatchAdviceReference)
        try container.encodeIfPresent(tenderOrLotReference, forKey: .tenderOrLotReference)
        try container.encodeIfPresent(invoicedObjectIdentifier, forKey: .invoicedObjectIdentifier)
        try container.encodeIfPresent(buyerAccountingReference, forKey: .buyerAccountingReference)
        try container.encodeIfPresent(paymentTerms, forKey: .paymentTerms)
        try container.encodeList(notes, forKey: .notes)
        try container.encodeGroup(processControl, default: ProcessControl(), forKey: .processControl)
        try container.encodeList(precedingInvoices, forKey: .precedingInvoices)
        try container.encodeGroup(seller, default: Party(), forKey: .seller)
        try container.encodeGroup(buyer, default: Party(), forKey: .buyer)
        try container.encodeIfPresent(payee, forKey: .payee)
        try container.encodeIfPresent(sellerTaxRepresentative, forKey: .sellerTaxRepresentative)
        try container.encodeIfPresent(delivery, forKey: .delivery)
        try container.encodeIfPresent(invoicingPeriod, forKey: .invoicingPeriod)
        try container.encodeIfPresent(paymentInstructions, forKey: .paymentInstructions)
        try container.encodeList(allowances, forKey: .allowances)
        try container.encodeList(charges, forKey: .charges)
        try container.encodeGroup(totals, default: DocumentTotals(), forKey: .totals)
        try container.encodeList(vatBreakdown, forKey: .vatBreakdown)
        try container.encodeList(supportingDocuments, forKey: .supportingDocuments)
        try container.encodeList(lines, forKey: .lines)
    }
}

extension InvoiceNote: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case subjectCode, text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(text: try container.text(.text), subjectCode: try container.optionalText(.subjectCode))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(subjectCode, forKey: .subjectCode)
        try container.encodeText(text, forKey: .text)
    }
}

extension ProcessControl: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case businessProcessType, specificationIdentifier }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(businessProcessType: try container.optionalText(.businessProcessType),
                  specificationIdentifier: try container.text(.specificationIdentifier))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(businessProcessType, forKey: .businessProcessType)
        try container.encodeText(specificationIdentifier, forKey: .specificationIdentifier)
    }
}

extension PrecedingInvoiceReference: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case number, issueDate }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(number: try container.text(.number), issueDate: try container.optional(.issueDate))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(number, forKey: .number)
        try container.encodeIfPresent(issueDate, forKey: .issueDate)
    }
}

extension SupportingDocument: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case reference, description, externalLocation, attachment, typeCode }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(reference: try container.text(.reference), description: try container.optionalText(.description),
                  externalLocation: try container.optionalText(.externalLocation),
                  attachment: try container.optional(.attachment), typeCode: try container.optionalText(.typeCode))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(reference, forKey: .reference)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(externalLocation, forKey: .externalLocation)
        try container.encodeIfPresent(attachment, forKey: .attachment)
        try container.encodeIfPresent(typeCode, forKey: .typeCode)
    }
}
