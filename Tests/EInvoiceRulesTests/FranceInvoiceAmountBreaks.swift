import EInvoice

/// Breaks of the VAT, attachment and decimal rules on the valid French invoice.
enum FranceInvoiceAmountBreaks {
    static let ids: [String] = [
        "BR-FR-15_BT-95_BT-102", "BR-FR-15_BT-95_BT-102_LM", "BR-FR-15_BT-95_BT-118", "BR-FR-15_BT-95_BT-118_LM",
        "BR-FR-15_BT-95_BT-151", "BR-FR-15_BT-95_BT-151_LM", "BR-FR-16_BT-96_BT-103", "BR-FR-16_BT-119",
        "BR-FR-16_BT-152",
        "BR-FR-17_BT-123", "BR-FR-18_BT-123", "BR-FR-27_BG-32", "BR-FR-28-Value",
        "BR-FR-DEC-01_BT-92_BT-99", "BR-FR-DEC-01_BT-93_BT-100", "BR-FR-DEC-01_BT-106", "BR-FR-DEC-01_BT-107",
        "BR-FR-DEC-01_BT-108", "BR-FR-DEC-01_BT-109", "BR-FR-DEC-01_BT-110", "BR-FR-DEC-01_BT-112",
        "BR-FR-DEC-01_BT-113",
        "BR-FR-DEC-01_BT-114", "BR-FR-DEC-01_BT-115", "BR-FR-DEC-01_BT-116", "BR-FR-DEC-01_BT-117",
        "BR-FR-DEC-01_BT-131",
        "BR-FR-DEC-01_BT-136_BT-141", "BR-FR-DEC-01_BT-137_BT-142", "BR-FR-DEC-02_BT-129", "BR-FR-DEC-02_BT-149",
        "BR-FR-DEC-03_BT-146", "BR-FR-DEC-03_BT-147", "BR-FR-DEC-03_BT-148", "BR-FR-DEC-04_BT-96_BT-103",
        "BR-FR-DEC-04_BT-119", "BR-FR-DEC-04_BT-152",
    ]

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func broken(for id: String, _ original: Invoice) -> Invoice? {
        var invoice = original
        let amount = FranceInvoiceFixture.amount
        switch id {
        case "BR-FR-15_BT-95_BT-102": invoice.allowances[0].vatCategoryCode = "AA"
        case "BR-FR-15_BT-95_BT-102_LM": invoice.charges[0].vatCategoryCode = "L"
        case "BR-FR-15_BT-95_BT-118": invoice.vatBreakdown[0].categoryCode = "B"
        case "BR-FR-15_BT-95_BT-118_LM": invoice.vatBreakdown[0].categoryCode = "M"
        case "BR-FR-15_BT-95_BT-151": invoice.lines[1].vat.categoryCode = "AA"
        case "BR-FR-15_BT-95_BT-151_LM": invoice.lines[1].vat.categoryCode = "L"
        case "BR-FR-16_BT-96_BT-103": invoice.allowances[0].vatRate = amount("19")
        case "BR-FR-16_BT-119": invoice.vatBreakdown[0].rate = amount("19")
        case "BR-FR-16_BT-152": invoice.lines[1].vat.rate = amount("19")
        case "BR-FR-17_BT-123": invoice.supportingDocuments[0].description = "FACTURE"
        case "BR-FR-18_BT-123":
            invoice.supportingDocuments = [
                SupportingDocument(reference: "A", description: "LISIBLE", typeCode: "916"),
                SupportingDocument(reference: "B", description: "LISIBLE", typeCode: "916"),
            ]
        case "BR-FR-27_BG-32": invoice.lines[0].item.attributes[0].name = ""
        case "BR-FR-28-Value": invoice.lines[0].item.attributes[0].value = ""
        case "BR-FR-DEC-01_BT-92_BT-99": invoice.allowances[0].amount = amount("10.000")
        case "BR-FR-DEC-01_BT-93_BT-100": invoice.charges[0].baseAmount = amount("100.000")
        case "BR-FR-DEC-01_BT-106": invoice.totals.lineNetTotal = amount("140.000")
        case "BR-FR-DEC-01_BT-107": invoice.totals.allowanceTotal = amount("10.000")
        case "BR-FR-DEC-01_BT-108": invoice.totals.chargeTotal = amount("5.000")
        case "BR-FR-DEC-01_BT-109": invoice.totals.taxExclusiveAmount = amount("135.000")
        case "BR-FR-DEC-01_BT-110": invoice.totals.vatTotal = amount("27.000")
        case "BR-FR-DEC-01_BT-112": invoice.totals.taxInclusiveAmount = amount("162.000")
        case "BR-FR-DEC-01_BT-113": invoice.totals.paidAmount = amount("0.000")
        case "BR-FR-DEC-01_BT-114": invoice.totals.roundingAmount = amount("0.001")
        case "BR-FR-DEC-01_BT-115": invoice.totals.amountDue = amount("162.000")
        case "BR-FR-DEC-01_BT-116": invoice.vatBreakdown[0].taxableAmount = amount("135.000")
        case "BR-FR-DEC-01_BT-117": invoice.vatBreakdown[0].taxAmount = amount("27.000")
        case "BR-FR-DEC-01_BT-131": invoice.lines[1].netAmount = amount("100.000")
        case "BR-FR-DEC-01_BT-136_BT-141": invoice.lines[0].allowances[0].amount = amount("5.000")
        case "BR-FR-DEC-01_BT-137_BT-142": invoice.lines[0].allowances[0].baseAmount = amount("45.000")
        case "BR-FR-DEC-02_BT-129": invoice.lines[0].quantity?.value = amount("10.00000")
        case "BR-FR-DEC-02_BT-149": invoice.lines[0].price.baseQuantity?.value = amount("1.00000")
        case "BR-FR-DEC-03_BT-146": invoice.lines[0].price.netPrice = amount("4.5000000")
        case "BR-FR-DEC-03_BT-147": invoice.lines[0].price.discount = amount("-0.50")
        case "BR-FR-DEC-03_BT-148": invoice.lines[0].price.grossPrice = amount("5.0000000")
        case "BR-FR-DEC-04_BT-96_BT-103": invoice.allowances[0].vatRate = amount("20.001")
        case "BR-FR-DEC-04_BT-119": invoice.vatBreakdown[0].rate = amount("20.001")
        case "BR-FR-DEC-04_BT-152": invoice.lines[1].vat.rate = amount("20.001")
        default: return nil
        }
        return invoice
    }
}
