import EInvoice

/// BR-45 … BR-48 (what each VAT breakdown BG-23 carries) and BR-B-01, BR-B-02 (Italian split payment).
enum CoreVATBreakdownRules {
    static func check(_ context: inout RuleContext) {
        checkBreakdowns(&context)
        checkSplitPayment(&context)
    }

    static func checkBreakdowns(_ context: inout RuleContext) {
        for (index, breakdown) in context.invoice.vatBreakdown.enumerated() {
            let category = breakdown.categoryCode.trimmingWhitespace()
            let en =
                category.isEmpty ? "VAT breakdown \(index + 1)" : "VAT breakdown \(index + 1) (category \(category))"
            let fr =
                category.isEmpty
                ? "La ventilation de TVA \(index + 1)" : "La ventilation de TVA \(index + 1) (catégorie \(category))"
            if breakdown.taxableAmount == nil {
                context.reportCore(
                    "BR-45", terms: ["BG-23", "BT-116"], at: CorePath.breakdown(index, "BT-116"),
                    en: "\(en) (BG-23) has no taxable amount (BT-116): give the sum of the line net amounts, "
                        + "less allowances and plus charges, of that category and rate.",
                    fr: "\(fr) (BG-23) n'a pas de base imposable (BT-116) : indiquez la somme des montants nets des "
                        + "lignes, moins les remises et plus les charges, de cette catégorie et de ce taux.")
            }
            if breakdown.taxAmount == nil {
                context.reportCore(
                    "BR-46", terms: ["BG-23", "BT-117"], at: CorePath.breakdown(index, "BT-117"),
                    en: "\(en) (BG-23) has no VAT amount (BT-117): give taxable amount × rate ÷ 100, rounded to "
                        + "2 decimals (0 for exempt categories).",
                    fr: "\(fr) (BG-23) n'a pas de montant de TVA (BT-117) : indiquez base imposable × taux ÷ 100, "
                        + "arrondi à 2 décimales (0 pour les catégories exonérées).")
            }
            if category.isEmpty {
                context.reportCore(
                    "BR-47", terms: ["BG-23", "BT-118"], at: CorePath.breakdown(index, "BT-118"),
                    en: "\(en) (BG-23) has no VAT category code (BT-118): give the UNCL 5305 code, e.g. S for the "
                        + "standard rate.",
                    fr: "\(fr) (BG-23) n'a pas de code de catégorie de TVA (BT-118) : indiquez le code UNCL 5305, "
                        + "par exemple S pour le taux normal.")
            }
            if breakdown.rate == nil, category != "O" {
                context.reportCore(
                    "BR-48", terms: ["BG-23", "BT-119"], at: CorePath.breakdown(index, "BT-119"),
                    en: "\(en) (BG-23) has no VAT rate (BT-119): give the rate in per cent (0 for exempt "
                        + "categories); only category O (not subject to VAT) goes without.",
                    fr: "\(fr) (BG-23) n'a pas de taux de TVA (BT-119) : indiquez le taux en pourcentage (0 pour les "
                        + "catégories exonérées) ; seule la catégorie O (hors champ de la TVA) s'en passe.")
            }
        }
    }

    /// Every VAT category code of lines (BT-151), document allowances (BT-95), charges (BT-102) and the
    /// breakdown (BT-118), as both schematrons collect them (`//ram:CategoryCode`, `//cac:TaxCategory/cbc:ID`
    /// and `//cac:ClassifiedTaxCategory/cbc:ID`).
    static func categoryCodes(_ invoice: Invoice) -> Set<String> {
        var codes = Set(invoice.lines.map(\.vat.categoryCode))
        codes.formUnion(invoice.allowances.compactMap(\.vatCategoryCode))
        codes.formUnion(invoice.charges.compactMap(\.vatCategoryCode))
        codes.formUnion(invoice.vatBreakdown.map(\.categoryCode))
        return codes
    }

    /// BR-B-01 and BR-B-02. BR-B-01 compares every country code of the document with IT: in CII the
    /// addresses (`//ram:CountryID`), in UBL also the items' country of origin (`//cbc:IdentificationCode`).
    static func checkSplitPayment(_ context: inout RuleContext) {
        let invoice = context.invoice
        let codes = categoryCodes(invoice)
        guard codes.contains("B") else { return }
        var countries = [
            invoice.seller.postalAddress, invoice.buyer.postalAddress,
            invoice.sellerTaxRepresentative?.postalAddress, invoice.delivery?.address,
        ].compactMap { $0?.countryCode }
        if context.coreArtefact == .ubl {
            countries += invoice.lines.compactMap(\.item.countryOfOrigin)
        }
        let foreign = Set(countries.filter { !$0.isEmpty && $0 != "IT" }).sorted()
        if !foreign.isEmpty {
            let list = foreign.joined(separator: ", ")
            context.reportCore(
                "BR-B-01", terms: ["BT-151", "BT-95", "BT-102", "BT-40", "BT-55"], at: nil,
                en: "VAT category B (split payment) is only for domestic Italian invoices, but the invoice names "
                    + "the country \(list): use another VAT category, or correct the country codes.",
                fr: "La catégorie de TVA B (split payment) est réservée aux factures italiennes domestiques, mais la "
                    + "facture mentionne le pays \(list) : utilisez une autre catégorie ou corrigez les codes pays.")
        }
        if codes.contains("S") {
            context.reportCore(
                "BR-B-02", terms: ["BT-151", "BT-95", "BT-102", "BT-118"], at: nil,
                en: "The invoice mixes VAT category B (split payment) with category S (standard rate): an invoice "
                    + "with split payment cannot also carry standard-rated lines, allowances or charges; use B "
                    + "throughout or issue two invoices.",
                fr: "La facture mélange la catégorie de TVA B (split payment) et la catégorie S (taux normal) : une "
                    + "facture en split payment ne peut pas avoir de lignes, remises ou charges au taux normal ; "
                    + "utilisez B partout ou émettez deux factures.")
        }
    }
}
