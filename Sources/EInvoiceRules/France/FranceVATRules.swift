import EInvoice

/// BR-FR-15 and BR-FR-16: the VAT categories and rates used in France.
enum FranceVATRules {
    private static let settlement =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
    private static let lineSettlement =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
        + "/ram:SpecifiedLineTradeSettlement"

    static let cii: [FrenchElementCheck] = [
        (
            settlement + "/ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax", "BT-95_BT-102", "BT-95",
            "BT-96_BT-103", "BT-96"
        ),
        (settlement + "/ram:ApplicableTradeTax", "BT-95_BT-118", "BT-118", "BT-119", "BT-119"),
        (lineSettlement + "/ram:ApplicableTradeTax", "BT-95_BT-151", "BT-151", "BT-152", "BT-152"),
    ].flatMap { pattern, categoryID, categoryTerm, rateID, rateTerm in
        [
            FrenchElementCheck("BR-FR-15_\(categoryID)", terms: [categoryTerm], pattern, .vatCategory(categoryTerm)) {
                tree, tax, _ in
                let codes = tree.children(tax, "ram:CategoryCode").map(tree.text)
                if codes.contains(where: FrenchCodes.vatCategories.contains) { return true }
                // A line that only groups or informs may leave its category out.
                guard categoryTerm == "BT-151", codes.isEmpty, let item = tree.parent(tax).flatMap(tree.parent) else {
                    return false
                }
                return tree.any(
                    item, "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode", in: ["GROUP", "INFORMATION"])
            },
            FrenchElementCheck(
                "BR-FR-15_\(categoryID)_LM", terms: [categoryTerm], pattern, .foreignVATCategory(categoryTerm)
            ) {
                tree, tax, _ in !tree.any(tax, "ram:CategoryCode", in: FrenchCodes.foreignVATCategories)
            },
            FrenchElementCheck("BR-FR-16_\(rateID)", terms: [rateTerm], pattern, .vatRate(rateTerm)) { tree, tax, _ in
                let rate = tree.text(tree.children(tax, "ram:RateApplicablePercent"))
                return rate.isEmpty || FrenchCodes.vatRates.contains(rate)
            },
        ]
    }

    static let ubl: [FrenchElementCheck] =
        [
            ("cac:AllowanceCharge/cac:TaxCategory", "BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-95_BT-102-2", "BT-95"),
            ("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", "BR-FR-15_BT-118-1", "BR-FR-15_BT-118-2", "BT-118"),
            ("cac:Item/cac:ClassifiedTaxCategory", "BR-FR-15_BT-151-1", "BR-FR-08_BT-151-2", "BT-151"),
        ].flatMap { pattern, validID, foreignID, term in
            [
                FrenchElementCheck(validID, terms: [term], pattern, .vatCategory(term)) { tree, category, _ in
                    let codes = tree.children(category, "cbc:ID")
                    return codes.isEmpty || FrenchCodes.vatCategories.contains(tree.text(codes))
                },
                FrenchElementCheck(foreignID, terms: [term], pattern, .foreignVATCategory(term)) { tree, category, _ in
                    !tree.any(category, "cbc:ID", in: FrenchCodes.foreignVATCategories)
                },
            ]
        }
        + [
            ("cac:AllowanceCharge/cac:TaxCategory", "BT-96"),
            ("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", "BT-119"),
            ("cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory", "BT-152"),
        ].map { pattern, term in
            FrenchElementCheck("BR-FR-16_\(term)", terms: [term], pattern, .vatRate(term)) { tree, category, _ in
                let rates = tree.children(category, "cbc:Percent")
                return rates.isEmpty || FrenchCodes.vatRates.contains(tree.text(rates))
            }
        }

    /// The same rules on an invoice built in memory (reported with the CII rule ids).
    static func check(_ invoice: Invoice, _ context: inout RuleContext) {
        func category(_ code: String?, id: String, term: String, at path: String) {
            let code = code ?? ""
            if !FrenchCodes.vatCategories.contains(code) {
                context.report("BR-FR-15_\(id)", terms: [term], .term(path), .vatCategory(term))
            }
            if FrenchCodes.foreignVATCategories.contains(code) {
                context.report("BR-FR-15_\(id)_LM", terms: [term], .term(path), .foreignVATCategory(term))
            }
        }
        func rate(_ value: ExactDecimal?, id: String, term: String, at path: String) {
            guard let value, !FrenchCodes.vatRates.contains(value.normalized().description) else { return }
            context.report("BR-FR-16_\(id)", terms: [term], .term(path), .vatRate(term))
        }
        let documentLevel =
            invoice.allowances.enumerated().map { ("BG-20[\($0.offset)]", "BT-95", "BT-96", $0.element) }
            + invoice.charges.enumerated().map { ("BG-21[\($0.offset)]", "BT-102", "BT-103", $0.element) }
        for (group, categoryTerm, rateTerm, allowance) in documentLevel {
            category(allowance.vatCategoryCode, id: "BT-95_BT-102", term: categoryTerm, at: "\(group)/\(categoryTerm)")
            rate(allowance.vatRate, id: "BT-96_BT-103", term: rateTerm, at: "\(group)/\(rateTerm)")
        }
        for (index, breakdown) in invoice.vatBreakdown.enumerated() {
            category(breakdown.categoryCode, id: "BT-95_BT-118", term: "BT-118", at: "BG-23[\(index)]/BT-118")
            rate(breakdown.rate, id: "BT-119", term: "BT-119", at: "BG-23[\(index)]/BT-119")
        }
        for (index, line) in invoice.lines.enumerated() {
            category(line.vat.categoryCode, id: "BT-95_BT-151", term: "BT-151", at: "BG-25[\(index)]/BG-30/BT-151")
            rate(line.vat.rate, id: "BT-152", term: "BT-152", at: "BG-25[\(index)]/BG-30/BT-152")
        }
    }
}
