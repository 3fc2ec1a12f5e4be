import EInvoice

/// BR-DEC-01 … BR-DEC-28: amounts carry at most 2 decimals.
///
/// The official tests count the digits after the dot as written (`string-length(substring-after(x, '.'))`),
/// so `1.500` fails; `ExactDecimal.fractionDigits` keeps the written count. Two exceptions, both in the
/// official artefacts:
/// - BR-DEC-13 (BT-110) and BR-DEC-15 (BT-111) in CII compare values (`. = round(. * 100) div 100`), so
///   `1.500` passes, and each is satisfied by any VAT total in a currency that is not the one checked
///   (BR-DEC-13) or by a correct one in the accounting currency (BR-DEC-15);
/// - in UBL they never fail: their predicate looks for `cbc:DocumentCurrencyCode` under `cbc:TaxAmount`.
enum CoreDecimalRules {
    static func check(_ context: inout RuleContext) {
        let invoice = context.invoice
        for (index, allowance) in invoice.allowances.enumerated() {
            let path = "BG-20[\(index)]"
            checkDigits("BR-DEC-01", "BT-92", allowance.amount, at: path, &context)
            checkDigits("BR-DEC-02", "BT-93", allowance.baseAmount, at: path, &context)
        }
        for (index, charge) in invoice.charges.enumerated() {
            let path = "BG-21[\(index)]"
            checkDigits("BR-DEC-05", "BT-99", charge.amount, at: path, &context)
            checkDigits("BR-DEC-06", "BT-100", charge.baseAmount, at: path, &context)
        }
        let totals = invoice.totals
        let documentTotals: [(String, String, Amount?)] = [
            ("BR-DEC-09", "BT-106", totals.lineNetTotal), ("BR-DEC-10", "BT-107", totals.allowanceTotal),
            ("BR-DEC-11", "BT-108", totals.chargeTotal), ("BR-DEC-12", "BT-109", totals.taxExclusiveAmount),
            ("BR-DEC-14", "BT-112", totals.taxInclusiveAmount), ("BR-DEC-16", "BT-113", totals.paidAmount),
            ("BR-DEC-17", "BT-114", totals.roundingAmount), ("BR-DEC-18", "BT-115", totals.amountDue),
        ]
        for (ruleID, term, value) in documentTotals {
            checkDigits(ruleID, term, value, at: "BG-22", &context)
        }
        checkVATTotals(&context)
        for (index, breakdown) in invoice.vatBreakdown.enumerated() {
            let path = "BG-23[\(index)]"
            checkDigits("BR-DEC-19", "BT-116", breakdown.taxableAmount, at: path, &context)
            checkDigits("BR-DEC-20", "BT-117", breakdown.taxAmount, at: path, &context)
        }
        for (lineIndex, line) in invoice.lines.enumerated() {
            let linePath = CorePath.line(lineIndex)
            checkDigits("BR-DEC-23", "BT-131", line.netAmount, at: linePath, &context)
            for (index, allowance) in line.allowances.enumerated() {
                let path = "\(linePath)/BG-27[\(index)]"
                checkDigits("BR-DEC-24", "BT-136", allowance.amount, at: path, &context)
                checkDigits("BR-DEC-25", "BT-137", allowance.baseAmount, at: path, &context)
            }
            for (index, charge) in line.charges.enumerated() {
                let path = "\(linePath)/BG-28[\(index)]"
                checkDigits("BR-DEC-27", "BT-141", charge.amount, at: path, &context)
                checkDigits("BR-DEC-28", "BT-142", charge.baseAmount, at: path, &context)
            }
        }
    }

    /// Reports `ruleID` when `value`, as written, has more than 2 digits after the dot.
    static func checkDigits(
        _ ruleID: String, _ term: String, _ value: Amount?, at group: String, _ context: inout RuleContext
    ) {
        guard let value, value.fractionDigits > 2 else { return }
        report(ruleID, term, value, digits: value.fractionDigits, at: "\(group)/\(term)", &context)
    }

    static func report(
        _ ruleID: String, _ term: String, _ value: Amount, digits: Int, at path: String, _ context: inout RuleContext
    ) {
        let suggestion = value.rounded(to: 2, .halfAwayFromZero).withFractionDigits(2)
        context.reportCore(
            ruleID, terms: [term], at: path,
            en: "The amount \(term) is written with \(digits) decimals (\(value)): amounts take at most 2, so write "
                + "it rounded, e.g. \(suggestion), and check the totals that use it.",
            fr: "Le montant \(term) est écrit avec \(digits) décimales (\(value)) : les montants en ont au plus 2, "
                + "écrivez-le arrondi, par exemple \(suggestion), et vérifiez les totaux qui l'utilisent.")
    }

    /// BR-DEC-13 (BT-110) and BR-DEC-15 (BT-111).
    static func checkVATTotals(_ context: inout RuleContext) {
        let invoice = context.invoice
        let totals = invoice.totals
        switch context.coreArtefact {
        case .ubl:
            return
        case .semantic:
            checkDigits("BR-DEC-13", "BT-110", totals.vatTotal, at: "BG-22", &context)
            checkDigits("BR-DEC-15", "BT-111", totals.vatTotalInAccountingCurrency, at: "BG-22", &context)
        case .cii:
            // The VAT totals as CII writes them: each `ram:TaxTotalAmount` with its currency.
            var amounts: [(term: String, value: Amount, currency: String)] = []
            if let vat = totals.vatTotal { amounts.append(("BT-110", vat, invoice.currencyCode)) }
            if let vat = totals.vatTotalInAccountingCurrency {
                amounts.append(("BT-111", vat, invoice.vatAccountingCurrencyCode ?? ""))
            }
            func fine(_ value: Amount) -> Bool { value.significantFractionDigits <= 2 }
            let invoiceCurrency = invoice.currencyCode
            let satisfied13 = amounts.contains { $0.currency != invoiceCurrency || fine($0.value) }
            if !amounts.isEmpty, !satisfied13,
                let bad = amounts.first(where: { $0.currency == invoiceCurrency && !fine($0.value) })
            {
                report(
                    "BR-DEC-13", bad.term, bad.value, digits: bad.value.significantFractionDigits,
                    at: "BG-22/\(bad.term)", &context)
            }
            guard let accounting = invoice.vatAccountingCurrencyCode, !amounts.isEmpty else { return }
            let satisfied15 = amounts.contains { $0.currency == accounting && fine($0.value) }
            if !satisfied15 {
                let bad = amounts.first { $0.currency == accounting }
                if let bad {
                    report(
                        "BR-DEC-15", bad.term, bad.value, digits: bad.value.significantFractionDigits,
                        at: "BG-22/\(bad.term)", &context)
                } else {
                    context.reportCore(
                        "BR-DEC-15", terms: ["BT-111"], at: "BG-22/BT-111",
                        en: "No VAT total is given in the VAT accounting currency \(accounting) (BT-6), so its "
                            + "decimals cannot be checked: add the total VAT in that currency (BT-111), with at most "
                            + "2 decimals, or remove BT-6.",
                        fr: "Aucun total de TVA n'est donné dans la devise de comptabilisation \(accounting) (BT-6), "
                            + "ses décimales ne peuvent donc pas être vérifiées : ajoutez le total de TVA dans cette "
                            + "devise (BT-111), avec au plus 2 décimales, ou retirez BT-6.")
                }
            }
        }
    }
}
