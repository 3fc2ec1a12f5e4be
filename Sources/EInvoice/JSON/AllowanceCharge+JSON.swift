extension AllowanceCharge: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case amount, baseAmount, percentage, vatCategoryCode, vatRate, reason, reasonCode
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(amount: try container.optional(.amount), baseAmount: try container.optional(.baseAmount),
                  percentage: try container.optional(.percentage),
                  vatCategoryCode: try container.optionalText(.vatCategoryCode), vatRate: try container.optional(.vatRate),
                  reason: try container.optionalText(.reason), reasonCode: try container.optionalText(.reasonCode))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(amount, forKey: .amount)
        try container.encodeIfPresent(baseAmount, forKey: .baseAmount)
        try container.encodeIfPresent(percentage, forKey: .percentage)
        try container.encodeIfPresent(vatCategoryCode, forKey: .vatCategoryCode)
        try container.encodeIfPresent(vatRate, forKey: .vatRate)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(reasonCode, forKey: .reasonCode)
    }
}

extension DocumentTotals: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case lineNetTotal, allowanceTotal, chargeTotal, taxExclusiveAmount, vatTotal, vatTotalInAccountingCurrency
        case taxInclusiveAmount, paidAmount, roundingAmount, amountDue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init()
        lineNetTotal = try container.optional(.lineNetTotal)
        allowanceTotal = try container.optional(.allowanceTotal)
        chargeTotal = try container.optional(.chargeTotal)
        taxExclusiveAmount = try container.optional(.taxExclusiveAmount)
        vatTotal = try container.optional(.vatTotal)
        vatTotalInAccountingCurrency = try container.optional(.vatTotalInAccountingCurrency)
        taxInclusiveAmount = try container.optional(.taxInclusiveAmount)
        paidAmount = try container.optional(.paidAmount)
        roundingAmount = try container.optional(.roundingAmount)
        amountDue = try container.optional(.amountDue)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(lineNetTotal, forKey: .lineNetTotal)
        try container.encodeIfPresent(allowanceTotal, forKey: .allowanceTotal)
        try container.encodeIfPresent(chargeTotal, forKey: .chargeTotal)
        try container.encodeIfPresent(taxExclusiveAmount, forKey: .taxExclusiveAmount)
        try container.encodeIfPresent(vatTotal, forKey: .vatTotal)
        try container.encodeIfPresent(vatTotalInAccountingCurrency, forKey: .vatTotalInAccountingCurrency)
        try container.encodeIfPresent(taxInclusiveAmount, forKey: .taxInclusiveAmount)
        try container.encodeIfPresent(paidAmount, forKey: .paidAmount)
        try container.encodeIfPresent(roundingAmount, forKey: .roundingAmount)
        try container.encodeIfPresent(amountDue, forKey: .amountDue)
    }
}

extension VATBreakdown: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case taxableAmount, taxAmount, categoryCode, rate, exemptionReason, exemptionReasonCode
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(taxableAmount: try container.optional(.taxableAmount), taxAmount: try container.optional(.taxAmount),
                  categoryCode: try container.text(.categoryCode), rate: try container.optional(.rate),
                  exemptionReason: try container.optionalText(.exemptionReason),
                  exemptionReasonCode: try container.optionalText(.exemptionReasonCode))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(taxableAmount, forKey: .taxableAmount)
        try container.encodeIfPresent(taxAmount, forKey: .taxAmount)
        try container.encodeText(categoryCode, forKey: .categoryCode)
        try container.encodeIfPresent(rate, forKey: .rate)
        try container.encodeIfPresent(exemptionReason, forKey: .exemptionReason)
        try container.encodeIfPresent(exemptionReasonCode, forKey: .exemptionReasonCode)
    }
}
