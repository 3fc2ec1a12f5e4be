import EInvoice

/// BR-CO-17: each VAT category tax amount (BT-117) is its taxable amount (BT-116) × rate (BT-119) ÷ 100,
/// rounded to 2 decimals, within a tolerance of one currency unit.
///
/// The official test, in both syntaxes:
/// - a rate that rounds to 0 needs a tax amount that rounds to 0;
/// - any other rate needs |BT-117| within 1 of round(|BT-116| × BT-119 ÷ 100, 2): CII accepts a difference
///   of exactly 1 (`<=`, `>=`), UBL does not (`<`, `>`);
/// - without a rate, the tax amount must round to 0.
/// A missing tax amount fails every branch (BR-46 fires too).
enum CoreVATAmountRule {
    static func check(_ context: inout RuleContext) {
        let inclusive = context.coreArtefact != .ubl
        for (index, breakdown) in context.invoice.vatBreakdown.enumerated() {
            let expected = expectedTax(breakdown)
            guard !passes(breakdown, expected: expected, inclusiveTolerance: inclusive) else { continue }
            let category = breakdown.categoryCode
            let rate = breakdown.rate.map { "\($0) %" } ?? "no rate"
            let taux = breakdown.rate.map { "\($0) %" } ?? "sans taux"
            let shown = expected.map { "\($0)" } ?? (breakdown.rate == nil ? "0" : "unknown")
            let montre = expected.map { "\($0)" } ?? (breakdown.rate == nil ? "0" : "inconnu")
            context.reportCore(
                "BR-CO-17", terms: ["BT-117", "BT-116", "BT-119"], at: CorePath.breakdown(index, "BT-117"),
                en: "VAT breakdown \(index + 1) (category \(category), \(rate)) has a VAT amount (BT-117) of "
                    + "\(CoreText.show(breakdown.taxAmount)) but its taxable amount (BT-116) "
                    + "\(CoreText.show(breakdown.taxableAmount)) × rate ÷ 100 gives \(shown): correct the VAT amount, "
                    + "the taxable amount or the rate.",
                fr: "La ventilation de TVA \(index + 1) (catégorie \(category), \(taux)) a un montant de TVA (BT-117) "
                    + "de \(CoreText.montrer(breakdown.taxAmount)) mais sa base imposable (BT-116) "
                    + "\(CoreText.montrer(breakdown.taxableAmount)) × taux ÷ 100 donne \(montre) : corrigez le montant "
                    + "de TVA, la base ou le taux.")
        }
    }

    /// round(|BT-116| × BT-119 ÷ 100, 2), when both are given.
    static func expectedTax(_ breakdown: VATBreakdown) -> Amount? {
        guard let taxable = breakdown.taxableAmount, let rate = breakdown.rate else { return nil }
        return CoreXPath.percentRounded2(taxable.magnitude, rate)
    }

    static func passes(_ breakdown: VATBreakdown, expected: Amount?, inclusiveTolerance: Bool) -> Bool {
        guard let tax = breakdown.taxAmount else { return false }
        guard let rate = breakdown.rate else { return CoreXPath.round0(tax).isZero }
        if CoreXPath.round0(rate).isZero { return CoreXPath.round0(tax).isZero }
        guard let expected else { return false }
        let low = tax.magnitude - .one
        let high = tax.magnitude + .one
        return inclusiveTolerance ? (low <= expected && high >= expected) : (low < expected && high > expected)
    }
}
