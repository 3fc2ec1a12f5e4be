import EInvoice

/// BR-01 … BR-05, BR-12 … BR-16, BR-29, BR-52, BR-53 and BR-55: the terms every invoice must carry.
enum CoreDocumentRules {
    static func check(_ context: inout RuleContext) {
        checkHeader(&context)
        checkTotalsPresent(&context)
        checkReferences(&context)
        checkAccountingCurrency(&context)
    }

    /// BR-01 … BR-05, BR-16, BR-29.
    static func checkHeader(_ context: inout RuleContext) {
        let invoice = context.invoice
        if CoreText.isBlank(invoice.processControl.specificationIdentifier) {
            context.reportCore(
                "BR-01", terms: ["BT-24"], at: "BG-2/BT-24",
                en: "The specification identifier (BT-24) is missing: state the rules the invoice follows, "
                    + "e.g. urn:cen.eu:en16931:2017.",
                fr: "L'identifiant de spécification (BT-24) est absent : indiquez les règles suivies par la facture, "
                    + "par exemple urn:cen.eu:en16931:2017.")
        }
        if CoreText.isBlank(invoice.number) {
            context.reportCore(
                "BR-02", terms: ["BT-1"], at: "BT-1",
                en: "The invoice number (BT-1) is missing: give the invoice its unique number.",
                fr: "Le numéro de facture (BT-1) est absent : donnez à la facture son numéro unique.")
        }
        if invoice.issueDate == nil {
            context.reportCore(
                "BR-03", terms: ["BT-2"], at: "BT-2",
                en: "The invoice issue date (BT-2) is missing or is not a valid date: give the date the invoice "
                    + "was issued (YYYYMMDD in CII, YYYY-MM-DD in UBL).",
                fr: "La date d'émission de la facture (BT-2) est absente ou invalide : indiquez la date d'émission "
                    + "(AAAAMMJJ en CII, AAAA-MM-JJ en UBL).")
        }
        if CoreText.isBlank(invoice.typeCode) {
            context.reportCore(
                "BR-04", terms: ["BT-3"], at: "BT-3",
                en: "The invoice type code (BT-3) is missing: use e.g. 380 for an invoice or 381 for a credit note.",
                fr: "Le code de type de facture (BT-3) est absent : utilisez par exemple 380 pour une facture "
                    + "ou 381 pour un avoir.")
        }
        if CoreText.isBlank(invoice.currencyCode) {
            context.reportCore(
                "BR-05", terms: ["BT-5"], at: "BT-5",
                en: "The invoice currency code (BT-5) is missing: give the ISO 4217 code of the invoice currency, "
                    + "e.g. EUR.",
                fr: "Le code de devise de la facture (BT-5) est absent : indiquez le code ISO 4217 de la devise, "
                    + "par exemple EUR.")
        }
        if invoice.lines.isEmpty {
            context.reportCore(
                "BR-16", terms: ["BG-25"], at: nil,
                en: "The invoice has no line (BG-25): add at least one invoice line.",
                fr: "La facture n'a aucune ligne (BG-25) : ajoutez au moins une ligne de facture.")
        }
        if let period = invoice.invoicingPeriod, let start = period.startDate, let end = period.endDate,
            end < start
        {
            context.reportCore(
                "BR-29", terms: ["BT-73", "BT-74"], at: "BG-14/BT-74",
                en: "The invoicing period ends (BT-74, \(end)) before it starts (BT-73, \(start)): correct one "
                    + "of the two dates.",
                fr: "La période de facturation se termine (BT-74, \(end)) avant de commencer (BT-73, \(start)) : "
                    + "corrigez l'une des deux dates.")
        }
    }

    /// BR-12 … BR-15.
    static func checkTotalsPresent(_ context: inout RuleContext) {
        guard !context.coreTotalsElementMissing else { return }
        let totals = context.invoice.totals
        let required: [(String, String, Amount?, String, String)] = [
            (
                "BR-12", "BT-106", totals.lineNetTotal, "sum of invoice line net amounts",
                "la somme des montants nets des lignes"
            ),
            ("BR-13", "BT-109", totals.taxExclusiveAmount, "invoice total amount without VAT", "le montant total HT"),
            ("BR-14", "BT-112", totals.taxInclusiveAmount, "invoice total amount with VAT", "le montant total TTC"),
            ("BR-15", "BT-115", totals.amountDue, "amount due for payment", "le montant net à payer"),
        ]
        for (ruleID, term, value, english, french) in required where value == nil {
            context.reportCore(
                ruleID, terms: [term], at: "BG-22/\(term)",
                en: "The \(english) (\(term)) is missing from the document totals: add it.",
                fr: "Il manque \(french) (\(term)) dans les totaux du document : ajoutez ce montant.")
        }
    }

    /// BR-52 and BR-55.
    static func checkReferences(_ context: inout RuleContext) {
        let invoice = context.invoice
        for (index, document) in invoice.supportingDocuments.enumerated() where CoreText.isBlank(document.reference) {
            context.reportCore(
                "BR-52", terms: ["BG-24", "BT-122"], at: "BG-24[\(index)]/BT-122",
                en: "Supporting document \(index + 1) (BG-24) has no reference (BT-122): give the document's "
                    + "identifier or remove the document.",
                fr: "Le justificatif \(index + 1) (BG-24) n'a pas de référence (BT-122) : indiquez l'identifiant "
                    + "du document ou retirez-le.")
        }
        // Both syntaxes carry BT-18 (and CII also BT-17) as additional referenced documents, which BR-52
        // checks too; the model holds them apart unless the reader kept them in BG-24 as well.
        let carried = Set(invoice.supportingDocuments.compactMap(\.typeCode))
        if let object = invoice.invoicedObjectIdentifier, CoreText.isBlank(object.value), !carried.contains("130") {
            context.reportCore(
                "BR-52", terms: ["BT-18"], at: "BT-18",
                en: "The invoiced object identifier (BT-18) is empty: give the identifier or remove the reference.",
                fr: "L'identifiant de l'objet facturé (BT-18) est vide : indiquez l'identifiant ou retirez "
                    + "la référence.")
        }
        if context.coreArtefact == .cii, let tender = invoice.tenderOrLotReference, CoreText.isBlank(tender),
            !carried.contains("50")
        {
            context.reportCore(
                "BR-52", terms: ["BT-17"], at: "BT-17",
                en: "The tender or lot reference (BT-17) is empty: give the reference or remove it.",
                fr: "La référence de l'appel d'offres ou du lot (BT-17) est vide : indiquez-la ou retirez-la.")
        }
        for (index, preceding) in invoice.precedingInvoices.enumerated() where CoreText.isBlank(preceding.number) {
            context.reportCore(
                "BR-55", terms: ["BG-3", "BT-25"], at: "BG-3[\(index)]/BT-25",
                en: "Preceding invoice reference \(index + 1) (BG-3) has no invoice number (BT-25): give the "
                    + "number of the invoice referred to.",
                fr: "La référence à une facture antérieure \(index + 1) (BG-3) n'a pas de numéro (BT-25) : "
                    + "indiquez le numéro de la facture visée.")
        }
    }

    /// BR-53. The CII test also fails when BT-6 equals BT-5 (it wants the VAT total in a second currency);
    /// the UBL test is satisfied by any VAT total in the BT-6 currency, so BT-6 = BT-5 passes there.
    static func checkAccountingCurrency(_ context: inout RuleContext) {
        let invoice = context.invoice
        guard let accounting = invoice.vatAccountingCurrencyCode, !CoreText.isBlank(accounting) else { return }
        let hasAccountingTotal = invoice.totals.vatTotalInAccountingCurrency != nil
        let sameCurrency = accounting == invoice.currencyCode
        let fires: Bool
        switch context.coreArtefact {
        case .cii: fires = !hasAccountingTotal || sameCurrency
        case .ubl, .semantic: fires = !hasAccountingTotal && !(sameCurrency && invoice.totals.vatTotal != nil)
        }
        guard fires else { return }
        if hasAccountingTotal {
            context.reportCore(
                "BR-53", terms: ["BT-6", "BT-111"], at: "BT-6",
                en: "The VAT accounting currency (BT-6) is the invoice currency (\(accounting)): remove BT-6 and "
                    + "BT-111, which are only for a second currency.",
                fr: "La devise de comptabilisation de la TVA (BT-6) est la devise de la facture (\(accounting)) : "
                    + "retirez BT-6 et BT-111, réservés à une seconde devise.")
        } else {
            context.reportCore(
                "BR-53", terms: ["BT-6", "BT-111"], at: "BG-22/BT-111",
                en: "The VAT accounting currency is \(accounting) (BT-6) but the total VAT in that currency "
                    + "(BT-111) is missing: add it, or remove BT-6.",
                fr: "La devise de comptabilisation de la TVA est \(accounting) (BT-6) mais le total de TVA dans "
                    + "cette devise (BT-111) est absent : ajoutez-le ou retirez BT-6.")
        }
    }
}
