import EInvoice

/// BR-FR-DEC-01 … BR-FR-DEC-04 on an invoice built in memory: the numbers are checked as they would be written,
/// with the decimals the model holds (reported with the CII rule ids).
enum FranceDecimalModelRules {
    static func check(_ invoice: Invoice, _ context: inout RuleContext) {
        let framework = FrenchFramework(code: invoice.processControl.businessProcessType)
        func amount(_ value: ExactDecimal?, _ id: String, _ term: String, _ path: String) {
            guard let value, !FrenchText.isDecimal(value.description, fractionDigits: 2) else { return }
            context.report("BR-FR-DEC-01_\(id)", terms: [term], .term(path), .amount(term))
        }
        func quantity(_ value: ExactDecimal?, _ term: String, _ path: String) {
            guard let value, !FrenchText.isDecimal(value.description, fractionDigits: 4) else { return }
            context.report("BR-FR-DEC-02_\(term)", terms: [term], .term(path), .quantity(term))
        }
        func price(_ value: ExactDecimal?, _ term: String, _ path: String) {
            guard let value, !FranceDecimalRules.isUnitPrice(value.description, framework) else { return }
            context.report("BR-FR-DEC-03_\(term)", terms: [term], .term(path), .unitPrice(term))
        }
        func percent(_ value: ExactDecimal?, _ id: String, _ term: String, _ path: String) {
            guard let value, !FrenchText.isPercent(value.description) else { return }
            context.report("BR-FR-DEC-04_\(id)", terms: [term], .term(path), .percent(term))
        }

        let documentLevel =
            invoice.allowances.enumerated().map { ("BG-20[\($0.offset)]", ["BT-92", "BT-93", "BT-96"], $0.element) }
            + invoice.charges.enumerated().map { ("BG-21[\($0.offset)]", ["BT-99", "BT-100", "BT-103"], $0.element) }
        for (group, terms, allowance) in documentLevel {
            amount(allowance.amount, "BT-92_BT-99", terms[0], "\(group)/\(terms[0])")
            amount(allowance.baseAmount, "BT-93_BT-100", terms[1], "\(group)/\(terms[1])")
            percent(allowance.vatRate, "BT-96_BT-103", terms[2], "\(group)/\(terms[2])")
        }
        let totals = invoice.totals
        let documentTotals: [(ExactDecimal?, String)] = [
            (totals.lineNetTotal, "BT-106"), (totals.allowanceTotal, "BT-107"), (totals.chargeTotal, "BT-108"),
            (totals.taxExclusiveAmount, "BT-109"), (totals.vatTotal, "BT-110"), (totals.taxInclusiveAmount, "BT-112"),
            (totals.paidAmount, "BT-113"), (totals.roundingAmount, "BT-114"), (totals.amountDue, "BT-115"),
        ]
        for (value, term) in documentTotals {
            amount(value, term, term, "BG-22/\(term)")
        }
        for (index, breakdown) in invoice.vatBreakdown.enumerated() {
            amount(breakdown.taxableAmount, "BT-116", "BT-116", "BG-23[\(index)]/BT-116")
            amount(breakdown.taxAmount, "BT-117", "BT-117", "BG-23[\(index)]/BT-117")
            percent(breakdown.rate, "BT-119", "BT-119", "BG-23[\(index)]/BT-119")
        }
        for (index, line) in invoice.lines.enumerated() {
            let group = "BG-25[\(index)]"
            amount(line.netAmount, "BT-131", "BT-131", "\(group)/BT-131")
            let lineLevel =
                line.allowances.enumerated().map { ("BG-27[\($0.offset)]", "BT-136", "BT-137", $0.element) }
                + line.charges.enumerated().map { ("BG-28[\($0.offset)]", "BT-141", "BT-142", $0.element) }
            for (inner, amountTerm, baseTerm, allowance) in lineLevel {
                amount(allowance.amount, "BT-136_BT-141", amountTerm, "\(group)/\(inner)/\(amountTerm)")
                amount(allowance.baseAmount, "BT-137_BT-142", baseTerm, "\(group)/\(inner)/\(baseTerm)")
            }
            quantity(line.quantity?.value, "BT-129", "\(group)/BT-129")
            quantity(line.price.baseQuantity?.value, "BT-149", "\(group)/BG-29/BT-149")
            price(line.price.netPrice, "BT-146", "\(group)/BG-29/BT-146")
            price(line.price.discount, "BT-147", "\(group)/BG-29/BT-147")
            price(line.price.grossPrice, "BT-148", "\(group)/BG-29/BT-148")
            percent(line.vat.rate, "BT-152", "BT-152", "\(group)/BG-30/BT-152")
        }
    }
}
