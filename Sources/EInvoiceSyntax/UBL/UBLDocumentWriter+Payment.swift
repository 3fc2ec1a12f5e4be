import EInvoice

extension UBLDocumentWriter {
    /// BG-16 … BG-19, and BT-9 of a credit note. One `cac:PaymentMeans` per credit transfer account, each
    /// repeating BT-81 and BT-83; BT-82, the due date, the card and the mandate go with the first.
    mutating func writePaymentMeans() {
        let dueDate = isCreditNote ? invoice.dueDate : nil
        guard let instructions = invoice.paymentInstructions, hasPaymentMeans(instructions) else {
            if let dueDate {
                open("cac:PaymentMeans")
                date("cbc:PaymentDueDate", dueDate)
                close("cac:PaymentMeans")
            }
            return
        }
        let count = max(1, instructions.creditTransfers.count)
        for position in 0..<count {
            open("cac:PaymentMeans")
            if !instructions.meansTypeCode.isEmpty || instructions.meansText != nil {
                // BT-82 once: UBL-SR-46 allows a single @name across the payment means.
                xml.element(
                    "cbc:PaymentMeansCode", instructions.meansTypeCode,
                    [("name", position == 0 ? instructions.meansText : nil)])
            }
            if position == 0 { date("cbc:PaymentDueDate", dueDate) }
            text("cbc:PaymentID", instructions.remittanceInformation)
            if position == 0, let card = instructions.card {
                open("cac:CardAccount")
                text("cbc:PrimaryAccountNumberID", card.primaryAccountNumber)
                text("cbc:NetworkID", "NA")
                text("cbc:HolderName", card.holderName)
                close("cac:CardAccount")
            }
            if position < instructions.creditTransfers.count {
                writeCreditTransfer(instructions.creditTransfers[position])
            }
            if position == 0, let debit = instructions.directDebit,
                debit.mandateReference != nil || debit.debitedAccountIdentifier != nil
            {
                open("cac:PaymentMandate")
                text("cbc:ID", debit.mandateReference)
                if let account = debit.debitedAccountIdentifier {
                    open("cac:PayerFinancialAccount")
                    text("cbc:ID", account)
                    close("cac:PayerFinancialAccount")
                }
                close("cac:PaymentMandate")
            }
            close("cac:PaymentMeans")
        }
    }

    /// Whether the instructions hold more than the creditor identifier, which is written with a party.
    func hasPaymentMeans(_ instructions: PaymentInstructions) -> Bool {
        let debit = instructions.directDebit
        return !instructions.meansTypeCode.isEmpty || instructions.meansText != nil
            || instructions.remittanceInformation != nil || !instructions.creditTransfers.isEmpty
            || instructions.card != nil || debit?.mandateReference != nil || debit?.debitedAccountIdentifier != nil
    }

    /// BG-17 Credit transfer.
    mutating func writeCreditTransfer(_ transfer: CreditTransfer) {
        open("cac:PayeeFinancialAccount")
        text("cbc:ID", transfer.accountIdentifier)
        text("cbc:Name", transfer.accountName)
        if let provider = transfer.serviceProviderIdentifier {
            open("cac:FinancialInstitutionBranch")
            text("cbc:ID", provider)
            close("cac:FinancialInstitutionBranch")
        }
        close("cac:PayeeFinancialAccount")
    }

    /// BG-20 and BG-21.
    mutating func writeAllowancesAndCharges() {
        for allowance in invoice.allowances { writeAllowanceCharge(allowance, isCharge: false, withCategory: true) }
        for charge in invoice.charges { writeAllowanceCharge(charge, isCharge: true, withCategory: true) }
    }

    mutating func writeAllowanceCharge(_ value: AllowanceCharge, isCharge: Bool, withCategory: Bool) {
        open("cac:AllowanceCharge")
        text("cbc:ChargeIndicator", isCharge ? "true" : "false")
        text("cbc:AllowanceChargeReasonCode", value.reasonCode)
        text("cbc:AllowanceChargeReason", value.reason)
        number("cbc:MultiplierFactorNumeric", value.percentage)
        amount("cbc:Amount", value.amount)
        amount("cbc:BaseAmount", value.baseAmount)
        if withCategory, value.vatCategoryCode != nil || value.vatRate != nil {
            open("cac:TaxCategory")
            text("cbc:ID", value.vatCategoryCode)
            number("cbc:Percent", value.vatRate)
            taxScheme()
            close("cac:TaxCategory")
        }
        close("cac:AllowanceCharge")
    }

    /// BT-110 with BG-23 in the invoice currency, then BT-111 in the VAT accounting currency.
    mutating func writeTaxTotals() {
        let totals = invoice.totals
        if totals.vatTotal != nil || !invoice.vatBreakdown.isEmpty {
            open("cac:TaxTotal")
            amount("cbc:TaxAmount", totals.vatTotal ?? Self.vatTotal(of: invoice.vatBreakdown))
            for breakdown in invoice.vatBreakdown { writeVATBreakdown(breakdown) }
            close("cac:TaxTotal")
        }
        if let accounting = totals.vatTotalInAccountingCurrency {
            open("cac:TaxTotal")
            amount("cbc:TaxAmount", accounting, currency: invoice.vatAccountingCurrencyCode ?? currency)
            close("cac:TaxTotal")
        }
    }

    /// BT-110 for an invoice that gives a VAT breakdown but no total VAT (CII may omit it, UBL requires
    /// `cbc:TaxAmount` in `cac:TaxTotal`): Σ BT-117 rounded to 2 decimals, the value BR-CO-14 asks for.
    static func vatTotal(of breakdown: [VATBreakdown]) -> Amount {
        ExactDecimal.sum(breakdown.compactMap(\.taxAmount)).rounded(to: 2, .halfTowardsPositiveInfinity)
    }

    mutating func writeVATBreakdown(_ breakdown: VATBreakdown) {
        open("cac:TaxSubtotal")
        amount("cbc:TaxableAmount", breakdown.taxableAmount)
        amount("cbc:TaxAmount", breakdown.taxAmount)
        open("cac:TaxCategory")
        required("cbc:ID", breakdown.categoryCode)
        number("cbc:Percent", breakdown.rate)
        text("cbc:TaxExemptionReasonCode", breakdown.exemptionReasonCode)
        text("cbc:TaxExemptionReason", breakdown.exemptionReason)
        taxScheme()
        close("cac:TaxCategory")
        close("cac:TaxSubtotal")
    }

    /// BG-22 Document totals, in the order of `cac:LegalMonetaryTotal`.
    mutating func writeMonetaryTotal() {
        let totals = invoice.totals
        open("cac:LegalMonetaryTotal")
        amount("cbc:LineExtensionAmount", totals.lineNetTotal)
        amount("cbc:TaxExclusiveAmount", totals.taxExclusiveAmount)
        amount("cbc:TaxInclusiveAmount", totals.taxInclusiveAmount)
        amount("cbc:AllowanceTotalAmount", totals.allowanceTotal)
        amount("cbc:ChargeTotalAmount", totals.chargeTotal)
        amount("cbc:PrepaidAmount", totals.paidAmount)
        amount("cbc:PayableRoundingAmount", totals.roundingAmount)
        amount("cbc:PayableAmount", totals.amountDue)
        close("cac:LegalMonetaryTotal")
    }
}
