import EInvoice
import EInvoiceSyntax

/// BR-CO-10 … BR-CO-16: the document totals (BG-22) must add up. Sums are rounded as the official tests
/// round them (`round(x * 100) div 100`, halves towards positive infinity). A missing total makes the
/// official comparison false, so the rule fires next to BR-12 … BR-15.
enum CoreTotalsRules {
    static func check(_ context: inout RuleContext) {
        checkVATTotal(&context)
        CoreVATAmountRule.check(&context)
        if context.coreTotalsElementMissing {
            // Only the UBL test of BR-CO-15 runs outside the totals element (and fails without them).
            if context.coreArtefact == .ubl { checkTaxInclusive(&context) }
            return
        }
        checkLineAndAllowanceSums(&context)
        checkTaxExclusive(&context)
        checkTaxInclusive(&context)
        checkAmountDue(&context)
    }

    static func show(_ value: Amount?) -> String { CoreText.show(value) }
    static func montrer(_ value: Amount?) -> String { CoreText.montrer(value) }

    /// BR-CO-10, BR-CO-11, BR-CO-12. CII rounds BT-108 before comparing it (and adds the CII-only logistics
    /// service charges, which the model does not hold); UBL compares BT-108 as written.
    static func checkLineAndAllowanceSums(_ context: inout RuleContext) {
        let invoice = context.invoice
        let totals = invoice.totals
        let lineSum = CoreXPath.round2(ExactDecimal.sum(invoice.lines.compactMap(\.netAmount)))
        if totals.lineNetTotal != lineSum {
            context.reportCore(
                "BR-CO-10", terms: ["BT-106", "BT-131"], at: "BG-22/BT-106",
                en: "The sum of line net amounts (BT-106) is \(show(totals.lineNetTotal)) but the "
                    + "\(invoice.lines.count) line net amounts (BT-131) add up to \(lineSum): correct the total or "
                    + "the lines.",
                fr: "La somme des montants nets des lignes (BT-106) vaut \(montrer(totals.lineNetTotal)) mais les "
                    + "\(invoice.lines.count) montants nets de ligne (BT-131) totalisent \(lineSum) : corrigez le "
                    + "total ou les lignes.")
        }
        let allowanceSum = CoreXPath.round2(ExactDecimal.sum(invoice.allowances.compactMap(\.amount)))
        let allowanceOK = totals.allowanceTotal.map { $0 == allowanceSum } ?? invoice.allowances.isEmpty
        if !allowanceOK {
            context.reportCore(
                "BR-CO-11", terms: ["BT-107", "BT-92"], at: "BG-22/BT-107",
                en: "The sum of allowances on document level (BT-107) is \(show(totals.allowanceTotal)) but the "
                    + "\(invoice.allowances.count) document level allowances (BT-92) add up to \(allowanceSum): "
                    + "correct the total or the allowances.",
                fr: "La somme des remises au niveau du document (BT-107) vaut \(montrer(totals.allowanceTotal)) mais "
                    + "les \(invoice.allowances.count) remises (BT-92) totalisent \(allowanceSum) : corrigez le total "
                    + "ou les remises.")
        }
        let chargeSum = CoreXPath.round2(ExactDecimal.sum(invoice.charges.compactMap(\.amount)))
        let chargeOK: Bool
        if let chargeTotal = totals.chargeTotal {
            chargeOK = (context.coreArtefact == .cii ? CoreXPath.round2(chargeTotal) : chargeTotal) == chargeSum
        } else {
            chargeOK = invoice.charges.isEmpty
        }
        if !chargeOK {
            context.reportCore(
                "BR-CO-12", terms: ["BT-108", "BT-99"], at: "BG-22/BT-108",
                en: "The sum of charges on document level (BT-108) is \(show(totals.chargeTotal)) but the "
                    + "\(invoice.charges.count) document level charges (BT-99) add up to \(chargeSum): correct the "
                    + "total or the charges.",
                fr: "La somme des charges au niveau du document (BT-108) vaut \(montrer(totals.chargeTotal)) mais les "
                    + "\(invoice.charges.count) charges (BT-99) totalisent \(chargeSum) : corrigez le total ou les "
                    + "charges.")
        }
    }

    /// BR-CO-13: BT-109 = BT-106 − BT-107 + BT-108, a missing BT-107 or BT-108 counting as zero. UBL does
    /// not round when there is neither.
    static func checkTaxExclusive(_ context: inout RuleContext) {
        let totals = context.invoice.totals
        guard let lineTotal = totals.lineNetTotal, let taxExclusive = totals.taxExclusiveAmount else {
            reportTaxExclusive(expected: nil, &context)
            return
        }
        let exact = lineTotal - (totals.allowanceTotal ?? .zero) + (totals.chargeTotal ?? .zero)
        let neither = totals.allowanceTotal == nil && totals.chargeTotal == nil
        let expected = context.coreArtefact == .ubl && neither ? exact : CoreXPath.round2(exact)
        if taxExclusive != expected { reportTaxExclusive(expected: expected, &context) }
    }

    static func reportTaxExclusive(expected: Amount?, _ context: inout RuleContext) {
        let totals = context.invoice.totals
        let allowances = totals.allowanceTotal ?? .zero
        let charges = totals.chargeTotal ?? .zero
        let parts = "BT-106 \(show(totals.lineNetTotal)) − BT-107 \(allowances) + BT-108 \(charges)"
        let partsFR = "BT-106 \(montrer(totals.lineNetTotal)) − BT-107 \(allowances) + BT-108 \(charges)"
        context.reportCore(
            "BR-CO-13", terms: ["BT-109", "BT-106", "BT-107", "BT-108"], at: "BG-22/BT-109",
            en: "The total without VAT (BT-109) is \(show(totals.taxExclusiveAmount)) but \(parts) = "
                + "\(show(expected)): correct the total without VAT or the amounts it is made of.",
            fr: "Le total HT (BT-109) vaut \(montrer(totals.taxExclusiveAmount)) mais \(partsFR) = "
                + "\(montrer(expected)) : corrigez le total HT ou les montants qui le composent.")
    }

    /// BR-CO-14: BT-110 = Σ BT-117 (rounded). The artefacts check different elements (see `coreVATTotals`):
    /// CII checks every VAT total whose `currencyID` is the invoice currency against all the breakdowns, so
    /// it also wants a zero VAT total without breakdown; UBL checks every `cac:TaxTotal` that has
    /// subtotals against its own subtotals, so a `cac:TaxTotal` without a tax amount fails. In memory, BT-110
    /// is checked when it is given.
    static func checkVATTotal(_ context: inout RuleContext) {
        let invoice = context.invoice
        let breakdownSum = CoreXPath.round2(ExactDecimal.sum(invoice.vatBreakdown.compactMap(\.taxAmount)))
        switch context.coreArtefact {
        case .semantic:
            guard let vatTotal = invoice.totals.vatTotal, vatTotal != breakdownSum else { return }
            reportVATTotal(vatTotal, expected: breakdownSum, element: nil, &context)
        case .cii:
            for total in context.coreVATTotals
            where total.currency != nil && total.currency == invoice.currencyCode && total.amount != breakdownSum {
                reportVATTotal(total.amount, expected: breakdownSum, element: total.element, &context)
            }
        case .ubl:
            for total in context.coreVATTotals {
                guard let sum = total.breakdownSum.map(CoreXPath.round2), total.amount != sum else { continue }
                reportVATTotal(total.amount, expected: sum, element: total.element, &context)
            }
        }
    }

    static func reportVATTotal(_ vatTotal: Amount?, expected: Amount, element: Int?, _ context: inout RuleContext) {
        let count = context.invoice.vatBreakdown.count
        context.reportCore(
            "BR-CO-14", terms: ["BT-110", "BT-117"], element: element, orAt: "BG-22/BT-110",
            en: "The invoice total VAT (BT-110) is \(show(vatTotal)) but the \(count) VAT breakdown amounts (BT-117) "
                + "add up to \(expected): correct the total or the breakdown.",
            fr: "Le total de TVA (BT-110) vaut \(montrer(vatTotal)) mais les \(count) montants de TVA ventilés "
                + "(BT-117) totalisent \(expected) : corrigez le total ou la ventilation.")
    }

    /// BR-CO-15: BT-112 = BT-109 + BT-110, with exactly one VAT total whose `currencyID` is the invoice
    /// currency (see `coreVATTotals`). The CII test also accepts BT-112 = BT-109 whatever the VAT totals; UBL
    /// does not. Both tests iterate over the currency code element: without one nothing is checked, an
    /// empty one is compared with the `currencyID`s. In memory, BT-112 = BT-109 + BT-110, a missing BT-110
    /// counting as zero.
    static func checkTaxInclusive(_ context: inout RuleContext) {
        let invoice = context.invoice
        let totals = invoice.totals
        let artefact = context.coreArtefact
        guard !CoreText.isBlank(invoice.currencyCode) || context.coreSourceHas("BT-5") else { return }
        let currency = invoice.currencyCode.trimmingWhitespace()
        let inCurrency = context.coreVATTotals.filter { $0.currency == currency }
        var expected: Amount?
        if let taxExclusive = totals.taxExclusiveAmount {
            if artefact == .semantic {
                expected = CoreXPath.round2(taxExclusive + (totals.vatTotal ?? .zero))
            } else if inCurrency.count == 1, let vat = inCurrency[0].amount {
                expected = CoreXPath.round2(taxExclusive + vat)
            }
        }
        let inclusive = totals.taxInclusiveAmount
        var passes = inclusive != nil && inclusive == expected
        if artefact == .cii, inclusive != nil, inclusive == totals.taxExclusiveAmount { passes = true }
        guard !passes else { return }
        let shownVAT = artefact == .semantic ? totals.vatTotal : inCurrency.first?.amount
        let en: String
        let fr: String
        if artefact != .semantic, inCurrency.count > 1 {
            en = "The invoice carries \(inCurrency.count) VAT totals in the invoice currency \(currency) (BT-110, "
                + "BT-111): keep one; BT-111 is only for a different VAT accounting currency (BT-6)."
            fr = "La facture porte \(inCurrency.count) totaux de TVA dans sa devise \(currency) (BT-110, BT-111) : "
                + "n'en gardez qu'un ; BT-111 n'est que pour une devise de comptabilisation différente (BT-6)."
        } else if artefact != .semantic, inCurrency.isEmpty {
            en = "The invoice has no total VAT (BT-110) in the invoice currency \(currency) to add to the total "
                + "without VAT (BT-109) \(show(totals.taxExclusiveAmount)): give BT-110 with currencyID "
                + "\(currency), or correct the invoice currency (BT-5)."
            fr = "La facture n'a pas de total de TVA (BT-110) dans sa devise \(currency) à ajouter au total HT "
                + "(BT-109) \(montrer(totals.taxExclusiveAmount)) : indiquez BT-110 avec currencyID \(currency), "
                + "ou corrigez la devise de la facture (BT-5)."
        } else {
            en = "The total with VAT (BT-112) is \(show(inclusive)) but the total without VAT (BT-109) "
                + "\(show(totals.taxExclusiveAmount)) + the total VAT (BT-110) \(show(shownVAT)) = \(show(expected)): "
                + "correct the total with VAT or its parts."
            fr = "Le total TTC (BT-112) vaut \(montrer(inclusive)) mais le total HT (BT-109) "
                + "\(montrer(totals.taxExclusiveAmount)) + le total de TVA (BT-110) \(montrer(shownVAT)) = "
                + "\(montrer(expected)) : corrigez le total TTC ou ses composants."
        }
        context.reportCore("BR-CO-15", terms: ["BT-112", "BT-109", "BT-110"], at: "BG-22/BT-112", en: en, fr: fr)
    }

    /// BR-CO-16: BT-115 = BT-112 − BT-113 + BT-114, missing BT-113 or BT-114 counting as zero. CII compares
    /// exactly; UBL rounds `BT-112 − BT-113` and `BT-115 − BT-114` before comparing.
    static func checkAmountDue(_ context: inout RuleContext) {
        let totals = context.invoice.totals
        var passes = false
        var expected: Amount?
        if let due = totals.amountDue, let inclusive = totals.taxInclusiveAmount {
            let paid = totals.paidAmount ?? .zero
            let rounding = totals.roundingAmount ?? .zero
            expected = inclusive - paid + rounding
            switch context.coreArtefact {
            case .cii, .semantic:
                passes = due == inclusive - paid + rounding
            case .ubl:
                let left = totals.roundingAmount == nil ? due : CoreXPath.round2(due - rounding)
                let right = totals.paidAmount == nil ? inclusive : CoreXPath.round2(inclusive - paid)
                passes = left == right
            }
        }
        guard !passes else { return }
        context.reportCore(
            "BR-CO-16", terms: ["BT-115", "BT-112", "BT-113", "BT-114"], at: "BG-22/BT-115",
            en: "The amount due (BT-115) is \(show(totals.amountDue)) but the total with VAT (BT-112) "
                + "\(show(totals.taxInclusiveAmount)) − paid amount (BT-113) \(totals.paidAmount ?? .zero) + rounding "
                + "(BT-114) \(totals.roundingAmount ?? .zero) = \(show(expected)): correct the amount due or its "
                + "parts.",
            fr: "Le montant à payer (BT-115) vaut \(montrer(totals.amountDue)) mais le total TTC (BT-112) "
                + "\(montrer(totals.taxInclusiveAmount)) − montant déjà payé (BT-113) \(totals.paidAmount ?? .zero) "
                + "+ arrondi (BT-114) \(totals.roundingAmount ?? .zero) = \(montrer(expected)) : corrigez le montant "
                + "à payer ou ses composants.")
    }
}
