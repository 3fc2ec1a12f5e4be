import EInvoice

/// BR-CO-03, BR-CO-04, BR-CO-09, BR-CO-18 … BR-CO-20, BR-CO-25 and BR-CO-26: terms that must agree with
/// each other. The totals (BR-CO-10 … BR-CO-17) are in `CoreTotalsRules`, BR-CO-21 … BR-CO-24 in
/// `CoreAllowanceChargeRules`.
///
/// BR-CO-05 … BR-CO-08 ("reason code and reason indicate the same type") are `true()` in both official
/// artefacts: nothing is checked, so nothing is reported.
enum CoreCoherenceRules {
    static func check(_ context: inout RuleContext) {
        checkTaxPoint(&context)
        checkLines(&context)
        checkVATIdentifiers(&context)
        checkPeriodAndBreakdown(&context)
        checkSellerIdentification(&context)
        checkPaymentTerms(&context)
    }

    /// BR-CO-03. CII tests each VAT breakdown for both a tax point date and a date code; the model holds
    /// both at document level, so two breakdowns carrying one each are reported too.
    static func checkTaxPoint(_ context: inout RuleContext) {
        let invoice = context.invoice
        guard let date = invoice.taxPointDate,
            !CoreText.isMissingElement(invoice.taxPointDateCode, context.coreArtefact)
        else { return }
        context.reportCore(
            "BR-CO-03", terms: ["BT-7", "BT-8"], at: "BT-8",
            en: "The invoice gives both a VAT point date (BT-7, \(date)) and a VAT point date code (BT-8, "
                + "\(invoice.taxPointDateCode ?? "")): keep only one of them.",
            fr: "La facture indique à la fois une date d'exigibilité de la TVA (BT-7, \(date)) et un code de date "
                + "d'exigibilité (BT-8, \(invoice.taxPointDateCode ?? "")) : n'en gardez qu'un.")
    }

    /// BR-CO-04 and BR-CO-20.
    static func checkLines(_ context: inout RuleContext) {
        for (index, line) in context.invoice.lines.enumerated() {
            let label = CoreLineLabel(line, index)
            if CoreText.isBlank(line.vat.categoryCode) {
                context.reportCore(
                    "BR-CO-04", terms: ["BT-151"], at: CorePath.line(index, "BG-30/BT-151"),
                    en: "Invoice \(label.en) has no VAT category code (BT-151): give the UNCL 5305 code of the item's VAT, "
                        + "e.g. S for the standard rate.",
                    fr: "La \(label.fr) de la facture n'a pas de code de catégorie de TVA (BT-151) : indiquez le code "
                        + "UNCL 5305 de la TVA de l'article, par exemple S pour le taux normal.")
            }
            if let period = line.period, period.startDate == nil, period.endDate == nil {
                context.reportCore(
                    "BR-CO-20", terms: ["BG-26", "BT-134", "BT-135"], at: CorePath.line(index, "BG-26"),
                    en: "Invoice \(label.en) has a line period (BG-26) without dates: give its start date (BT-134), its "
                        + "end date (BT-135) or both, or remove the period.",
                    fr: "La \(label.fr) de la facture a une période (BG-26) sans dates : indiquez sa date de début (BT-134), "
                        + "sa date de fin (BT-135) ou les deux, ou retirez la période.")
            }
        }
    }

    /// BR-CO-09 on the seller (BT-31), buyer (BT-48) and tax representative (BT-63) VAT identifiers.
    static func checkVATIdentifiers(_ context: inout RuleContext) {
        let invoice = context.invoice
        let identifiers: [(String?, String, String, String)] = [
            (invoice.seller.vatIdentifier, "BT-31", "BG-4/BT-31", "seller"),
            (invoice.buyer.vatIdentifier, "BT-48", "BG-7/BT-48", "buyer"),
            (invoice.sellerTaxRepresentative?.vatIdentifier, "BT-63", "BG-11/BT-63", "tax representative"),
        ]
        let french = ["seller": "du vendeur", "buyer": "de l'acheteur", "tax representative": "du représentant fiscal"]
        for case (let identifier?, let term, let path, let role) in identifiers
        where !CoreVATIdentifierPrefix.accepts(identifier, context.coreArtefact) {
            context.reportCore(
                "BR-CO-09", terms: [term], at: path,
                en: "The \(role) VAT identifier (\(term), \"\(identifier)\") does not start with a country code: "
                    + "write it with its ISO 3166-1 prefix, e.g. FR12345678901 (EL for Greece).",
                fr: "Le numéro de TVA \(french[role] ?? "") (\(term), « \(identifier) ») ne commence pas par un code "
                    + "pays : écrivez-le avec son préfixe ISO 3166-1, par exemple FR12345678901 (EL pour la Grèce).")
        }
    }

    /// BR-CO-18 and BR-CO-19. UBL carries the VAT point date code (BT-8) in the invoicing period, and its
    /// test accepts a period that has only that code.
    static func checkPeriodAndBreakdown(_ context: inout RuleContext) {
        let invoice = context.invoice
        if invoice.vatBreakdown.isEmpty {
            context.reportCore(
                "BR-CO-18", terms: ["BG-23"], at: nil,
                en: "The invoice has no VAT breakdown (BG-23): add one per VAT category and rate used in the lines, "
                    + "allowances and charges.",
                fr: "La facture n'a pas de ventilation de TVA (BG-23) : ajoutez-en une par catégorie et taux de TVA "
                    + "utilisés dans les lignes, remises et charges.")
        }
        guard let period = invoice.invoicingPeriod, period.startDate == nil, period.endDate == nil else { return }
        if context.coreArtefact == .ubl, invoice.taxPointDateCode != nil { return }
        context.reportCore(
            "BR-CO-19", terms: ["BG-14", "BT-73", "BT-74"], at: "BG-14",
            en: "The invoicing period (BG-14) has no dates: give its start date (BT-73), its end date (BT-74) or "
                + "both, or remove the period.",
            fr: "La période de facturation (BG-14) n'a pas de dates : indiquez sa date de début (BT-73), sa date de "
                + "fin (BT-74) ou les deux, ou retirez la période.")
    }

    /// BR-CO-26. UBL does not count a seller identifier with scheme SEPA (the bank assigned creditor
    /// identifier BT-90 travels there). Both official tests run on the seller party element
    /// (`ram:SellerTradeParty`, `cac:AccountingSupplierParty`): a source without one is not checked (BR-06
    /// and BR-08 report the missing seller).
    static func checkSellerIdentification(_ context: inout RuleContext) {
        let seller = context.invoice.seller
        let artefact = context.coreArtefact
        guard context.parsed == nil || context.coreSourceHas("BG-4") else { return }
        let identifiers = seller.identifiers.filter { identifier in
            switch artefact {
            case .cii: true
            case .ubl: identifier.schemeID != "SEPA"
            case .semantic: !CoreText.isBlank(identifier.value)
            }
        }
        let legal =
            artefact == .semantic
            ? !CoreText.isBlank(seller.legalRegistrationIdentifier?.value) : seller.legalRegistrationIdentifier != nil
        let vat = !CoreText.isMissingElement(seller.vatIdentifier, artefact)
        guard identifiers.isEmpty, !legal, !vat else { return }
        context.reportCore(
            "BR-CO-26", terms: ["BT-29", "BT-30", "BT-31"], at: "BG-4",
            en: "The seller cannot be identified: give at least one of the seller identifier (BT-29), the legal "
                + "registration identifier (BT-30, e.g. the SIREN) or the VAT identifier (BT-31).",
            fr: "Le vendeur ne peut pas être identifié : indiquez au moins l'identifiant du vendeur (BT-29), son "
                + "numéro d'immatriculation (BT-30, par exemple le SIREN) ou son numéro de TVA (BT-31).")
    }

    /// BR-CO-25, checked by the Factur-X EXTENDED schematron only (see `CoreProfileScope`).
    static func checkPaymentTerms(_ context: inout RuleContext) {
        let invoice = context.invoice
        guard let due = invoice.totals.amountDue, due > .zero, invoice.dueDate == nil,
            CoreText.isBlank(invoice.paymentTerms)
        else { return }
        context.reportCore(
            "BR-CO-25", terms: ["BT-9", "BT-20", "BT-115"], at: "BT-9",
            en: "An amount of \(due) is due (BT-115) but neither a payment due date (BT-9) nor payment terms "
                + "(BT-20) are given: add one of them.",
            fr: "Un montant de \(due) est à payer (BT-115) mais ni date d'échéance (BT-9) ni conditions de paiement "
                + "(BT-20) ne sont indiquées : ajoutez l'une des deux.")
    }
}
