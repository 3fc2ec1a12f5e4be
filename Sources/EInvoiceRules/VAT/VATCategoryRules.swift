import EInvoice

extension RuleGroups {
    /// The EN 16931 VAT category rules on the semantic model: BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*,
    /// BR-O-*, BR-AF-* (IGIC) and BR-AG-* (IPSI). Where the CII and UBL schematrons differ, findings follow the
    /// schematron of the source syntax (`VATSchematron`).
    public static let vatCategories = RuleGroup(
        name: "VAT categories", ruleIDs: VATCategoryFamily.all.flatMap(\.ruleIDs)
    ) { context in
        let rules = VATCategoryRules(view: VATInvoiceView(context.invoice, schematron: VATSchematron(context.syntax)))
        let before = context.findings.count
        // Every check of a family looks at the lines, allowances, charges or breakdowns of its category.
        for family in VATCategoryFamily.all where rules.view.mentions(family.code) { rules.check(family, &context) }
        guard context.syntax == .cii, let stated = VATCategoryFamily.ruleIDsStated(by: context.profile) else { return }
        let added = context.findings[before...].filter { stated.contains($0.ruleID) }
        context.findings.replaceSubrange(before..., with: added)
    }
}

/// Checks the rules of one VAT category family on an invoice.
struct VATCategoryRules: Sendable {
    let view: VATInvoiceView

    func check(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        checkPresence(family, &context)
        checkIdentifiers(family, &context)
        checkRates(family, &context)
        checkTaxableAmounts(family, &context)
        checkTaxAmounts(family, &context)
        checkExemptionReasons(family, &context)
        if family.code == "K" { checkIntraCommunitySupply(family, &context) }
        if family.code == "O" { checkNotSubjectOnly(family, &context) }
    }

    /// BR-IC-11: an intra-community supply states when the goods were delivered: the actual delivery date (BT-72)
    /// or the invoicing period (BG-14). UBL also counts the VAT point date code (BT-8), which it writes inside
    /// the invoicing period.
    /// BR-IC-12: it states the deliver to country (BT-80).
    func checkIntraCommunitySupply(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        let breakdowns = view.breakdowns("K")
        guard let first = breakdowns.first else { return }
        let invoice = view.invoice
        let period = invoice.invoicingPeriod
        var dated = invoice.delivery?.actualDeliveryDate != nil || period?.startDate != nil || period?.endDate != nil
        if view.schematron == .ubl { dated = dated || invoice.taxPointDateCode != nil }
        if !dated {
            context.report(
                family.ruleID(11), terms: ["BT-72", "BG-14"], at: "BG-23[\(first.index)]/BT-118",
                en: "The invoice is an intra-community supply (VAT category K) but gives neither the actual delivery "
                    + "date (BT-72) nor an invoicing period (BG-14). Add the delivery date or the period.",
                fr: "La facture est une livraison intracommunautaire (catégorie de TVA K) mais n'indique ni la date "
                    + "de livraison effective (BT-72) ni la période de facturation (BG-14). Ajoutez l'une ou l'autre.")
        }
        let country = invoice.delivery?.address?.countryCode ?? ""
        let hasCountry = view.schematron == .ubl ? country.count > 1 : !country.isEmpty
        if !hasCountry {
            context.report(
                family.ruleID(12), terms: ["BT-80"],
                at: invoice.delivery == nil
                    ? "BG-23[\(first.index)]/BT-118"
                    : "BG-13/BG-15/BT-80",
                en: "The invoice is an intra-community supply (VAT category K) but has no deliver to country code "
                    + "(BT-80). Add the country the goods were delivered to (ISO 3166-1 code, e.g. DE).",
                fr: "La facture est une livraison intracommunautaire (catégorie de TVA K) mais n'indique pas le pays "
                    + "de livraison (BT-80). Ajoutez le pays où les biens ont été livrés (code ISO 3166-1, ex. DE).")
        }
    }
}

/// The sums of line net amounts, charges and allowances of one category (and rate), as the schematrons add them.
struct VATSums: Sendable {
    let lines: ExactDecimal
    let charges: ExactDecimal
    let allowances: ExactDecimal
    let hasLines: Bool
    let hasAllowancesOrCharges: Bool

    /// `rate` nil: every rate of the category.
    init(_ view: VATInvoiceView, code: String, rate: ExactDecimal?) {
        func matching(_ items: [VATItem]) -> [VATItem] {
            items.filter { $0.category == code && (rate == nil || $0.rate == rate) }
        }
        let lineItems = matching(view.lines)
        let chargeItems = matching(view.charges)
        let allowanceItems = matching(view.allowances)
        lines = ExactDecimal.sum(lineItems.compactMap(\.amount))
        charges = ExactDecimal.sum(chargeItems.compactMap(\.amount))
        allowances = ExactDecimal.sum(allowanceItems.compactMap(\.amount))
        hasLines = !lineItems.isEmpty
        hasAllowancesOrCharges = !chargeItems.isEmpty || !allowanceItems.isEmpty
    }

    var exactLines: ExactDecimal { lines }
    var exactTotal: ExactDecimal { lines + charges - allowances }

    /// CII: `round(sum * 100) div 100` on each sum before adding them.
    var roundedTotal: ExactDecimal {
        func cents(_ value: ExactDecimal) -> ExactDecimal { value.rounded(to: 2, .halfTowardsPositiveInfinity) }
        return cents(lines) + cents(charges) - cents(allowances)
    }
}
