import EInvoice

/// The term ids of an allowance or charge at document or line level.
struct CIIAllowanceChargeTerms {
    let group: String
    let amount, baseAmount, percentage: String
    /// Only document level allowances and charges carry a VAT category and rate.
    let vatCategory, vatRate: String?
    let reason, reasonCode: String

    static let documentAllowance = CIIAllowanceChargeTerms(
        group: "BG-20", amount: "BT-92", baseAmount: "BT-93", percentage: "BT-94", vatCategory: "BT-95",
        vatRate: "BT-96", reason: "BT-97", reasonCode: "BT-98")
    static let documentCharge = CIIAllowanceChargeTerms(
        group: "BG-21", amount: "BT-99", baseAmount: "BT-100", percentage: "BT-101", vatCategory: "BT-102",
        vatRate: "BT-103", reason: "BT-104", reasonCode: "BT-105")
    static let lineAllowance = CIIAllowanceChargeTerms(
        group: "BG-27", amount: "BT-136", baseAmount: "BT-137", percentage: "BT-138", vatCategory: nil,
        vatRate: nil, reason: "BT-139", reasonCode: "BT-140")
    static let lineCharge = CIIAllowanceChargeTerms(
        group: "BG-28", amount: "BT-141", baseAmount: "BT-142", percentage: "BT-143", vatCategory: nil,
        vatRate: nil, reason: "BT-144", reasonCode: "BT-145")
}

extension CIIReader {
    /// A document level `ram:SpecifiedTradeAllowanceCharge` (BG-20 or BG-21 after its charge indicator).
    func readDocumentAllowanceCharge(
        _ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) {
        guard let isCharge = try chargeIndicator(of: element, "BG-20", &context) else { return }
        if isCharge {
            let path = "BG-21[\(invoice.charges.count)]"
            invoice.charges.append(try readAllowanceCharge(element, path, .documentCharge, &context))
        } else {
            let path = "BG-20[\(invoice.allowances.count)]"
            invoice.allowances.append(try readAllowanceCharge(element, path, .documentAllowance, &context))
        }
    }

    /// The `ChargeIndicator` of an allowance or charge; nil (and nothing consumed) when it is missing,
    /// since the element then belongs to neither list.
    func chargeIndicator(of element: Int, _ path: String, _ context: inout CIIReadContext) throws(InvoiceReadError)
        -> Bool?
    {
        guard let indicator = context.child(element, "ChargeIndicator"),
            let isCharge = try context.indicator(in: indicator, path)
        else { return nil }
        context.consumeIndicator(indicator)
        return isCharge
    }

    /// The terms of one allowance or charge, whose indicator has been read already.
    func readAllowanceCharge(
        _ element: Int, _ path: String, _ terms: CIIAllowanceChargeTerms, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) -> AllowanceCharge {
        context.group(element, path)
        var result = AllowanceCharge(amount: nil)
        for child in context.children(element) {
            switch context.name(child) {
            case "CalculationPercent" where result.percentage == nil:
                result.percentage = try context.decimal(child, "\(path)/\(terms.percentage)")
            case "BasisAmount" where result.baseAmount == nil:
                result.baseAmount = try context.decimal(child, "\(path)/\(terms.baseAmount)")
            case "ActualAmount" where result.amount == nil:
                result.amount = try context.decimal(child, "\(path)/\(terms.amount)")
            case "ReasonCode" where result.reasonCode == nil:
                result.reasonCode = context.text(child, "\(path)/\(terms.reasonCode)")
            case "Reason" where result.reason == nil:
                result.reason = context.text(child, "\(path)/\(terms.reason)")
            case "CategoryTradeTax"
            where terms.vatCategory != nil && result.vatCategoryCode == nil && result.vatRate == nil:
                try readAllowanceChargeTax(child, path, terms, into: &result, &context)
            default: break
            }
        }
        return result
    }

    /// `ram:CategoryTradeTax` of a document level allowance or charge: BT-95/BT-96 or BT-102/BT-103.
    func readAllowanceChargeTax(
        _ element: Int, _ path: String, _ terms: CIIAllowanceChargeTerms, into result: inout AllowanceCharge,
        _ context: inout CIIReadContext
    ) throws(InvoiceReadError) {
        context.consume(element)
        var sawCategory = false
        for child in context.children(element) {
            switch context.name(child) {
            case "TypeCode" where context.peek(child) == "VAT":
                context.consume(child)
            case "CategoryCode" where !sawCategory:
                sawCategory = true
                result.vatCategoryCode = context.text(child, "\(path)/\(terms.vatCategory ?? "")")
            case "RateApplicablePercent" where result.vatRate == nil:
                result.vatRate = try context.decimal(child, "\(path)/\(terms.vatRate ?? "")")
            default: break
            }
        }
    }
}
