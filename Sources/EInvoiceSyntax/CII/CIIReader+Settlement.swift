import EInvoice

extension CIIReader {
    /// `ram:ApplicableHeaderTradeSettlement`: BT-5 … BT-9, BT-19, BT-20, BG-3, BG-10, BG-14, BG-16,
    /// BG-20 … BG-23.
    func readSettlement(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        context.consume(element)
        var payment = CIIPaymentReading()
        var sawCurrency = false
        var sawTotals = false
        var taxTotals: [Int] = []
        for child in context.children(element) {
            switch context.name(child) {
            case "CreditorReferenceID" where payment.creditorIdentifier == nil:
                payment.creditorIdentifier = context.text(child, "BG-16/BG-19/BT-90")
            case "PaymentReference" where payment.instructions.remittanceInformation == nil:
                payment.found = true
                context.record("BG-16", child)
                payment.instructions.remittanceInformation = context.text(child, "BG-16/BT-83")
            case "TaxCurrencyCode" where invoice.vatAccountingCurrencyCode == nil:
                invoice.vatAccountingCurrencyCode = context.text(child, "BT-6")
            case "InvoiceCurrencyCode" where !sawCurrency:
                sawCurrency = true
                invoice.currencyCode = context.text(child, "BT-5")
            case "PayeeTradeParty" where invoice.payee == nil:
                invoice.payee = readPayee(child, &context)
            case "SpecifiedTradeSettlementPaymentMeans":
                readPaymentMeans(child, into: &payment, &context)
            case "ApplicableTradeTax":
                try readVATBreakdown(child, into: &invoice, &context)
            case "BillingSpecifiedPeriod" where invoice.invoicingPeriod == nil:
                invoice.invoicingPeriod = try readPeriod(child, "BG-14", start: "BT-73", end: "BT-74", &context)
            case "SpecifiedTradeAllowanceCharge":
                try readDocumentAllowanceCharge(child, into: &invoice, &context)
            case "SpecifiedTradePaymentTerms":
                try readPaymentTerms(child, into: &invoice, &payment, &context)
            case "SpecifiedTradeSettlementHeaderMonetarySummation" where !sawTotals:
                sawTotals = true
                try readTotals(child, into: &invoice, taxTotals: &taxTotals, &context)
            case "InvoiceReferencedDocument":
                try readPrecedingInvoice(child, into: &invoice, &context)
            case "ReceivableSpecifiedTradeAccountingAccount" where invoice.buyerAccountingReference == nil:
                guard let id = context.child(child, "ID") else { continue }
                context.consume(child)
                invoice.buyerAccountingReference = context.text(id, "BT-19")
            default: break
            }
        }
        try readTaxTotals(taxTotals, into: &invoice, &context)
        invoice.paymentInstructions = payment.finished()
    }

    /// A `ram:…SpecifiedPeriod` with its start and end dates (BG-14, BG-26).
    func readPeriod(
        _ element: Int, _ path: String, start: String, end: String, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) -> Period {
        context.group(element, path)
        var period = Period()
        for child in context.children(element) {
            switch context.name(child) {
            case "StartDateTime" where period.startDate == nil:
                period.startDate = try context.date(in: child, "\(path)/\(start)")
            case "EndDateTime" where period.endDate == nil:
                period.endDate = try context.date(in: child, "\(path)/\(end)")
            default: break
            }
        }
        return period
    }

    /// `ram:ApplicableTradeTax` of the header: one BG-23, plus BT-7 and BT-8, which CII repeats per breakdown.
    func readVATBreakdown(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        let path = "BG-23[\(invoice.vatBreakdown.count)]"
        context.group(element, path)
        var breakdown = VATBreakdown(taxableAmount: nil, taxAmount: nil, categoryCode: "", rate: nil)
        var sawCategory = false
        for child in context.children(element) {
            switch context.name(child) {
            case "CalculatedAmount" where breakdown.taxAmount == nil:
                breakdown.taxAmount = try context.decimal(child, path + "/BT-117")
            case "TypeCode" where context.peek(child) == "VAT":
                context.consume(child)
            case "ExemptionReason" where breakdown.exemptionReason == nil:
                breakdown.exemptionReason = context.text(child, path + "/BT-120")
            case "BasisAmount" where breakdown.taxableAmount == nil:
                breakdown.taxableAmount = try context.decimal(child, path + "/BT-116")
            case "CategoryCode" where !sawCategory:
                sawCategory = true
                breakdown.categoryCode = context.text(child, path + "/BT-118")
            case "ExemptionReasonCode" where breakdown.exemptionReasonCode == nil:
                breakdown.exemptionReasonCode = context.text(child, path + "/BT-121")
            case "TaxPointDate":
                if invoice.taxPointDate == nil {
                    invoice.taxPointDate = try context.date(in: child, "BT-7")
                } else if let leaf = context.child(child, "DateString"),
                    CalendarDate(text: context.peek(leaf)) == invoice.taxPointDate
                {
                    context.consume(child)
                    context.consume(leaf)
                }
            case "DueDateTypeCode":
                if invoice.taxPointDateCode == nil {
                    invoice.taxPointDateCode = context.text(child, "BT-8")
                } else if context.peek(child) == invoice.taxPointDateCode {
                    context.consume(child)
                }
            case "RateApplicablePercent" where breakdown.rate == nil:
                breakdown.rate = try context.decimal(child, path + "/BT-119")
            default: break
            }
        }
        invoice.vatBreakdown.append(breakdown)
    }

    /// `ram:SpecifiedTradeSettlementHeaderMonetarySummation` (BG-22). The tax totals are resolved once
    /// both currencies are known.
    func readTotals(
        _ element: Int, into invoice: inout Invoice, taxTotals: inout [Int], _ context: inout CIIReadContext
    ) throws(InvoiceReadError) {
        context.group(element, "BG-22")
        var totals = DocumentTotals()
        for child in context.children(element) {
            switch context.name(child) {
            case "LineTotalAmount" where totals.lineNetTotal == nil:
                totals.lineNetTotal = try context.decimal(child, "BG-22/BT-106")
            case "ChargeTotalAmount" where totals.chargeTotal == nil:
                totals.chargeTotal = try context.decimal(child, "BG-22/BT-108")
            case "AllowanceTotalAmount" where totals.allowanceTotal == nil:
                totals.allowanceTotal = try context.decimal(child, "BG-22/BT-107")
            case "TaxBasisTotalAmount" where totals.taxExclusiveAmount == nil:
                totals.taxExclusiveAmount = try context.decimal(child, "BG-22/BT-109")
            case "TaxTotalAmount":
                taxTotals.append(child)
            case "RoundingAmount" where totals.roundingAmount == nil:
                totals.roundingAmount = try context.decimal(child, "BG-22/BT-114")
            case "GrandTotalAmount" where totals.taxInclusiveAmount == nil:
                totals.taxInclusiveAmount = try context.decimal(child, "BG-22/BT-112")
            case "TotalPrepaidAmount" where totals.paidAmount == nil:
                totals.paidAmount = try context.decimal(child, "BG-22/BT-113")
            case "DuePayableAmount" where totals.amountDue == nil:
                totals.amountDue = try context.decimal(child, "BG-22/BT-115")
            default: break
            }
        }
        invoice.totals = totals
    }

    /// `ram:TaxTotalAmount`: the one in the invoice currency (BT-5) is BT-110, the other one BT-111.
    /// Without `currencyID`, the first is BT-110 and the second BT-111.
    func readTaxTotals(_ elements: [Int], into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        for element in elements {
            let currency = context.attribute("currencyID", of: element)
            let isInvoiceCurrency = currency == nil || currency == invoice.currencyCode
            if isInvoiceCurrency, invoice.totals.vatTotal == nil {
                invoice.totals.vatTotal = try context.decimal(element, "BG-22/BT-110")
            } else if currency == nil || !isInvoiceCurrency, invoice.totals.vatTotalInAccountingCurrency == nil {
                invoice.totals.vatTotalInAccountingCurrency = try context.decimal(element, "BG-22/BT-111")
            }
        }
    }

    /// `ram:InvoiceReferencedDocument` (BG-3).
    func readPrecedingInvoice(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        let path = "BG-3[\(invoice.precedingInvoices.count)]"
        context.group(element, path)
        var reference = PrecedingInvoiceReference(number: "")
        var sawNumber = false
        for child in context.children(element) {
            switch context.name(child) {
            case "IssuerAssignedID" where !sawNumber:
                sawNumber = true
                reference.number = context.text(child, path + "/BT-25")
            case "FormattedIssueDateTime" where reference.issueDate == nil:
                reference.issueDate = try context.date(in: child, path + "/BT-26")
            default: break
            }
        }
        invoice.precedingInvoices.append(reference)
    }
}
