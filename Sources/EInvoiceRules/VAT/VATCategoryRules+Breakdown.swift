import EInvoice

extension VATCategoryRules {
    /// BR-x-08: the taxable amount (BT-116) of a breakdown is the sum of the line net amounts plus the charges
    /// minus the allowances of its category (and rate, for S, L, M), with the arithmetic of each schematron:
    /// - CII rounds each of the three sums to 2 decimals (`round(sum * 100) div 100`); S and O must match
    ///   exactly, the zero-tax categories within −1 < difference ≤ 1 (L and M are not tested).
    /// - UBL adds the exact sums; S, L, M must match within one unit either way, the other categories exactly.
    /// The one-unit tolerances are computed in doubles, as the schematrons do (`VATXPathArithmetic`).
    func checkTaxableAmounts(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        for (index, breakdown) in view.breakdowns(family.code) {
            if family.amounts == .perRate && breakdown.rate == nil { continue }  // `every $rate in ()` holds
            let parts = VATSums(view, code: family.code, rate: family.amounts == .perRate ? breakdown.rate : nil)
            guard let expected = unmetTaxableAmount(family, breakdown.taxableAmount, parts) else { continue }
            let scope =
                family.amounts == .perRate
                ? "category \(family.nameEN) at rate \(VATText.rate(breakdown.rate))" : "category \(family.nameEN)"
            let portee =
                family.amounts == .perRate
                ? "la catégorie \(family.nameFR) au taux \(VATText.taux(breakdown.rate))"
                : "la catégorie \(family.nameFR)"
            let sums = "lines \(parts.lines), charges \(parts.charges), allowances \(parts.allowances)"
            let sommes = "lignes \(parts.lines), charges \(parts.charges), remises \(parts.allowances)"
            context.report(
                family.ruleID(8), terms: ["BT-116", "BT-131", "BT-92", "BT-99"], at: "BG-23[\(index)]/BT-116",
                en: "The VAT breakdown for \(scope) has a taxable amount (BT-116) of "
                    + "\(VATText.amount(breakdown.taxableAmount)), but the line net amounts plus the charges minus the "
                    + "allowances of that \(family.amounts == .perRate ? "category and rate" : "category") give "
                    + "\(expected) (\(sums)). Set BT-116 to \(expected) or correct the lines.",
                fr: "Le récapitulatif de TVA pour \(portee) a une base imposable (BT-116) de "
                    + "\(VATText.montant(breakdown.taxableAmount)), mais les montants nets des lignes plus les charges "
                    + "moins les remises correspondants donnent \(expected) (\(sommes)). Indiquez \(expected) en "
                    + "BT-116 ou corrigez les lignes.")
        }
    }

    /// The expected taxable amount when the breakdown's amount fails the schematron's test, nil when it passes.
    private func unmetTaxableAmount(
        _ family: VATCategoryFamily, _ taxable: ExactDecimal?, _ parts: VATSums
    ) -> ExactDecimal? {
        switch (view.schematron, family.amounts) {
        case (.cii, .perRate):
            // BR-AF-08 and BR-AG-08 read the rate one level too high (`../ram:RateApplicablePercent` from the
            // breakdown) and so test nothing; only BR-S-08 has an effect.
            guard family.code == "S" else { return nil }
            return taxable == parts.roundedTotal ? nil : parts.roundedTotal
        case (.cii, .whole) where family.code == "O":
            return taxable == parts.roundedTotal ? nil : parts.roundedTotal
        case (.cii, .whole):
            return VATXPathArithmetic.withinOneCII(taxable, parts.roundedTotal) ? nil : parts.roundedTotal
        case (.ubl, .perRate) where family.code == "S":
            // Passes with the lines and the allowances and charges of the rate, or with the allowances and
            // charges alone (the schematron's credit-note branch, evaluated on an invoice too).
            let withLines =
                (parts.hasLines || parts.hasAllowancesOrCharges)
                && VATXPathArithmetic.withinOneUBL(taxable, parts.exactTotal)
            let withoutLines =
                parts.hasAllowancesOrCharges
                && VATXPathArithmetic.withinOneUBL(taxable, parts.exactTotal - parts.exactLines)
            return withLines || withoutLines ? nil : parts.exactTotal
        case (.ubl, .perRate):
            return !view.lines.isEmpty && VATXPathArithmetic.withinOneUBL(taxable, parts.exactTotal)
                ? nil : parts.exactTotal
        case (.ubl, .whole):
            return !view.lines.isEmpty && taxable == parts.exactTotal ? nil : parts.exactTotal
        }
    }

    /// BR-x-09: the tax amount (BT-117) is the taxable amount times the rate (S, L, M; within one unit of
    /// `round(|BT-116| × BT-119) ÷ 100`, compared in absolute value), or zero for the other categories.
    /// The CII schematron does not test L and M (its BR-AF-09 and BR-AG-09 are `true()`).
    func checkTaxAmounts(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        if family.amounts == .perRate && view.schematron == .cii && family.code != "S" { return }
        for (index, breakdown) in view.breakdowns(family.code) {
            let tax = breakdown.taxAmount
            if family.amounts == .whole {
                if let tax, tax.isZero { continue }
                context.report(
                    family.ruleID(9), terms: ["BT-117"], at: "BG-23[\(index)]/BT-117",
                    en: "The VAT breakdown for category \(family.nameEN) has a tax amount (BT-117) of "
                        + "\(VATText.amount(tax)); this category carries no VAT, so the tax amount must be 0.00.",
                    fr: "Le récapitulatif de TVA pour la catégorie \(family.nameFR) a un montant de TVA (BT-117) de "
                        + "\(VATText.montant(tax)) ; cette catégorie ne porte pas de TVA, le montant doit être 0.00.")
                continue
            }
            let expected = breakdown.taxableAmount.flatMap { base in
                breakdown.rate.map { Self.officialTax(base: base, rate: $0) }
            }
            if let tax, let expected, let base = breakdown.taxableAmount, let rate = breakdown.rate {
                let passes =
                    view.schematron == .cii
                    ? VATXPathArithmetic.taxWithinOneCII(tax: tax, base: base, rate: rate)
                    : tax.magnitude - .one < expected && tax.magnitude + .one > expected
                if passes { continue }
            }
            let rate = VATText.rate(breakdown.rate)
            let base = VATText.amount(breakdown.taxableAmount)
            let should = expected.map { "its tax (BT-117) should be \($0)" } ?? "its tax (BT-117) cannot be computed"
            let devrait =
                expected.map { "sa TVA (BT-117) devrait être \($0)" } ?? "sa TVA (BT-117) ne peut être calculée"
            context.report(
                family.ruleID(9), terms: ["BT-117", "BT-116", "BT-119"], at: "BG-23[\(index)]/BT-117",
                en: "VAT category \(family.code) with rate \(rate) has taxable amount \(base), so \(should), not "
                    + "\(VATText.amount(tax)). The tax is the taxable amount times the rate, rounded to 2 decimals.",
                fr: "La catégorie de TVA \(family.code) au taux \(VATText.taux(breakdown.rate)) a une base "
                    + "imposable de \(VATText.montant(breakdown.taxableAmount)) : \(devrait), et non "
                    + "\(VATText.montant(tax)). La TVA est la base multipliée par le taux, arrondie à 2 décimales.")
        }
    }

    /// `round(abs(BT-116) × BT-119) div 100`, XPath rounding (half towards positive infinity).
    static func officialTax(base: ExactDecimal, rate: ExactDecimal) -> ExactDecimal {
        let cents = (base.magnitude * rate).rounded(to: 0, .halfTowardsPositiveInfinity)
        return ExactDecimal(mantissa: cents.mantissa, fractionDigits: 2)
    }

    /// BR-x-10: the exemption reason (BT-120 text or BT-121 code) is required (E, AE, K, G, O) or forbidden.
    func checkExemptionReasons(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        for (index, breakdown) in view.breakdowns(family.code) {
            let hasReason = breakdown.exemptionReason != nil || breakdown.exemptionReasonCode != nil
            if hasReason == family.requiresExemptionReason { continue }
            if family.requiresExemptionReason {
                context.report(
                    family.ruleID(10), terms: ["BT-120", "BT-121"], at: "BG-23[\(index)]",
                    en: "The VAT breakdown for category \(family.nameEN) has no exemption reason. Give the reason as "
                        + "text (BT-120) or as a VATEX code (BT-121), e.g. the article of the VAT law that applies.",
                    fr: "Le récapitulatif de TVA pour la catégorie \(family.nameFR) n'indique pas de motif "
                        + "d'exonération. Indiquez-le en texte (BT-120) ou par un code VATEX (BT-121), par exemple "
                        + "l'article de loi applicable.")
            } else {
                let found = [
                    breakdown.exemptionReason.map { "text '\($0)'" },
                    breakdown.exemptionReasonCode.map {
                        "code '\($0)'"
                    },
                ].compactMap { $0 }.joined(separator: " and ")
                context.report(
                    family.ruleID(10), terms: ["BT-120", "BT-121"],
                    at: "BG-23[\(index)]/\(breakdown.exemptionReasonCode != nil ? "BT-121" : "BT-120")",
                    en: "The VAT breakdown for category \(family.nameEN) has an exemption reason (\(found)), but this "
                        + "category is taxed: remove the reason, or use the exempt category that applies (E, AE, K, "
                        + "G or O).",
                    fr: "Le récapitulatif de TVA pour la catégorie \(family.nameFR) indique un motif d'exonération "
                        + "(\(found)), alors que cette catégorie est taxée : supprimez le motif, ou utilisez la "
                        + "catégorie d'exonération qui s'applique (E, AE, K, G ou O).")
            }
        }
    }
}
