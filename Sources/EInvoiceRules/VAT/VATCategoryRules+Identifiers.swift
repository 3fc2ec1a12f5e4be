extension VATCategoryRules {
    /// BR-x-02 (lines), 03 (allowances), 04 (charges): the VAT identifiers a category needs, or excludes (O).
    /// Both schematrons read BT-31 and BT-32 the same way: CII `SpecifiedTaxRegistration/ID[@schemeID = 'VA' or
    /// 'FC']`, UBL any `PartyTaxScheme/CompanyID` of the seller.
    func checkIdentifiers(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        guard let missing = missingIdentifiers(family) else { return }
        for (rule, kind) in [(2, VATItem.Kind.line), (3, .allowance), (4, .charge)] {
            let items = view.items(of: kind).filter { $0.category == family.code }
            guard let first = items.first else { continue }
            let subject = VATText.capitalized(VATText.list(items))
            let sujet = VATText.capitalized(VATText.list(items, french: true))
            let verb = items.count == 1 ? "uses" : "use"
            context.report(
                family.ruleID(rule), terms: missing.terms + [first.categoryTerm], at: first.categoryPath,
                en: "\(subject) \(verb) VAT category \(family.nameEN), \(missing.english)",
                fr: "\(sujet) utilise(nt) la catégorie de TVA \(family.nameFR) ; \(missing.french)")
        }
    }

    /// What is wrong with the parties' identifiers for this category; nil when they are right.
    private func missingIdentifiers(
        _ family: VATCategoryFamily
    ) -> (terms: [String], english: String, french: String)? {
        let sellerAny =
            view.sellerHasVATIdentifier || view.sellerHasTaxRegistration
            || view.representativeHasVATIdentifier
        let sellerVAT = view.sellerHasVATIdentifier || view.representativeHasVATIdentifier
        let sellerMissingEN =
            "so the invoice needs the seller VAT identifier (BT-31), the seller tax registration "
            + "identifier (BT-32) or the seller tax representative VAT identifier (BT-63); it has none."
        let sellerMissingFR =
            "la facture doit donc indiquer le numéro de TVA du vendeur (BT-31), son identifiant "
            + "d'immatriculation fiscale (BT-32) ou le numéro de TVA de son représentant fiscal (BT-63) ; elle n'en "
            + "indique aucun."
        switch family.identifiers {
        case .sellerTaxIdentifier:
            return sellerAny ? nil : (["BT-31", "BT-32", "BT-63"], sellerMissingEN, sellerMissingFR)
        case .sellerAndBuyerIdentifiers:
            let buyer = view.buyerHasVATIdentifier || view.buyerHasLegalRegistration
            if sellerAny && buyer { return nil }
            if !sellerAny { return (["BT-31", "BT-32", "BT-63"], sellerMissingEN, sellerMissingFR) }
            return (
                ["BT-48", "BT-47"],
                "so the invoice needs the buyer VAT identifier (BT-48) or the buyer legal registration identifier "
                    + "(BT-47): under reverse charge the buyer pays the VAT and must be identified.",
                "la facture doit donc indiquer le numéro de TVA de l'acheteur (BT-48) ou son identifiant "
                    + "d'immatriculation légale (BT-47) : en autoliquidation, l'acheteur acquitte la TVA et doit être "
                    + "identifié."
            )
        case .sellerAndBuyerVATIdentifiers, .sellerVATIdentifier:
            let needsBuyer = family.identifiers == .sellerAndBuyerVATIdentifiers
            if sellerVAT && (!needsBuyer || view.buyerHasVATIdentifier) { return nil }
            if !sellerVAT {
                return (
                    ["BT-31", "BT-63"],
                    "so the invoice needs the seller VAT identifier (BT-31) or the seller tax representative VAT "
                        + "identifier (BT-63); a tax registration identifier (BT-32) is not enough.",
                    "la facture doit donc indiquer le numéro de TVA du vendeur (BT-31) ou celui de son représentant "
                        + "fiscal (BT-63) ; un identifiant d'immatriculation fiscale (BT-32) ne suffit pas."
                )
            }
            return (
                ["BT-48"],
                "so the invoice needs the buyer VAT identifier (BT-48): an intra-community supply is exempt only "
                    + "towards a buyer identified for VAT in another member state.",
                "la facture doit donc indiquer le numéro de TVA de l'acheteur (BT-48) : une livraison "
                    + "intracommunautaire n'est exonérée qu'envers un acheteur identifié à la TVA dans un autre État "
                    + "membre."
            )
        case .noVATIdentifiers:
            var present: [String] = []
            if view.sellerHasVATIdentifier { present.append("BT-31") }
            if view.representativeHasVATIdentifier { present.append("BT-63") }
            if view.buyerHasVATIdentifier { present.append("BT-48") }
            if present.isEmpty { return nil }
            let listed = present.joined(separator: ", ")
            return (
                present,
                "so the invoice must not carry VAT identifiers for the seller (BT-31), the seller tax representative "
                    + "(BT-63) or the buyer (BT-48); it has \(listed). Remove them, or use the category that applies.",
                "la facture ne doit donc pas porter de numéro de TVA du vendeur (BT-31), de son représentant fiscal "
                    + "(BT-63) ou de l'acheteur (BT-48) ; elle porte \(listed). Retirez-les, ou utilisez la "
                    + "catégorie qui s'applique."
            )
        }
    }
}
