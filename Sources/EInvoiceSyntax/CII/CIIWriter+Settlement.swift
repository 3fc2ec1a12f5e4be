import EInvoice

extension CIIWriter {
    /// `ram:ApplicableHeaderTradeSettlement`.
    func writeSettlement(_ invoice: Invoice, _ w: inout XMLWriter) {
        let payment = invoice.paymentInstructions
        w.open("ram:ApplicableHeaderTradeSettlement")
        w.element("ram:CreditorReferenceID", payment?.directDebit?.creditorIdentifier)
        w.element("ram:PaymentReference", payment?.remittanceInformation)
        w.element("ram:TaxCurrencyCode", invoice.vatAccountingCurrencyCode)
        w.element("ram:InvoiceCurrencyCode", invoice.currencyCode)
        if let payee = invoice.payee {
            w.open("ram:PayeeTradeParty")
            w.identifier(payee.identifier?.schemeID == nil ? "ram:ID" : "ram:GlobalID", payee.identifier)
            w.element("ram:Name", payee.name)
            if let legal = payee.legalRegistrationIdentifier {
                w.open("ram:SpecifiedLegalOrganization")
                w.identifier("ram:ID", legal)
                w.close("ram:SpecifiedLegalOrganization")
            }
            w.close("ram:PayeeTradeParty")
        }
        if let payment { writePaymentMeans(payment, &w) }
        for breakdown in invoice.vatBreakdown {
            w.open("ram:ApplicableTradeTax")
            w.decimal("ram:CalculatedAmount", breakdown.taxAmount)
            w.element("ram:TypeCode", "VAT")
            w.element("ram:ExemptionReason", breakdown.exemptionReason)
            w.decimal("ram:BasisAmount", breakdown.taxableAmount)
            w.element("ram:CategoryCode", breakdown.categoryCode)
            w.element("ram:ExemptionReasonCode", breakdown.exemptionReasonCode)
            // BT-7 and BT-8 are document terms that CII repeats in every breakdown.
            w.dateTime("ram:TaxPointDate", invoice.taxPointDate, leaf: "udt:DateString")
            w.element("ram:DueDateTypeCode", invoice.taxPointDateCode)
            w.decimal("ram:RateApplicablePercent", breakdown.rate)
            w.close("ram:ApplicableTradeTax")
        }
        writePeriod("ram:BillingSpecifiedPeriod", invoice.invoicingPeriod, &w)
        for allowance in invoice.allowances { writeAllowanceCharge(allowance, isCharge: false, &w) }
        for charge in invoice.charges { writeAllowanceCharge(charge, isCharge: true, &w) }
        let mandate = payment?.directDebit?.mandateReference
        if invoice.paymentTerms != nil || invoice.dueDate != nil || mandate != nil {
            w.open("ram:SpecifiedTradePaymentTerms")
            w.element("ram:Description", invoice.paymentTerms)
            w.dateTime("ram:DueDateDateTime", invoice.dueDate)
            w.element("ram:DirectDebitMandateID", mandate)
            w.close("ram:SpecifiedTradePaymentTerms")
        }
        writeTotals(invoice, &w)
        for preceding in invoice.precedingInvoices {
            w.open("ram:InvoiceReferencedDocument")
            w.element("ram:IssuerAssignedID", preceding.number)
            w.dateTime("ram:FormattedIssueDateTime", preceding.issueDate, leaf: "qdt:DateTimeString")
            w.close("ram:InvoiceReferencedDocument")
        }
        w.wrapped("ram:ReceivableSpecifiedTradeAccountingAccount", "ram:ID", invoice.buyerAccountingReference)
        w.close("ram:ApplicableHeaderTradeSettlement")
    }

    /// BG-16 as `ram:SpecifiedTradeSettlementPaymentMeans`: one per credit transfer account (each repeating
    /// BT-81 and BT-82), or a single one without an account.
    func writePaymentMeans(_ payment: PaymentInstructions, _ w: inout XMLWriter) {
        let debited = payment.directDebit?.debitedAccountIdentifier
        guard
            !payment.meansTypeCode.isEmpty || payment.meansText != nil || payment.card != nil || debited != nil
                || !payment.creditTransfers.isEmpty
        else { return }
        let transfers: [CreditTransfer?] = payment.creditTransfers.isEmpty ? [nil] : payment.creditTransfers
        for (position, transfer) in transfers.enumerated() {
            w.open("ram:SpecifiedTradeSettlementPaymentMeans")
            w.element("ram:TypeCode", payment.meansTypeCode)
            w.element("ram:Information", payment.meansText)
            if position == 0, let card = payment.card {
                w.open("ram:ApplicableTradeSettlementFinancialCard")
                w.element("ram:ID", card.primaryAccountNumber)
                w.element("ram:CardholderName", card.holderName)
                w.close("ram:ApplicableTradeSettlementFinancialCard")
            }
            if position == 0 { w.wrapped("ram:PayerPartyDebtorFinancialAccount", "ram:IBANID", debited) }
            if let transfer {
                w.open("ram:PayeePartyCreditorFinancialAccount")
                if !transfer.isProprietaryIdentifier { w.element("ram:IBANID", transfer.accountIdentifier) }
                w.element("ram:AccountName", transfer.accountName)
                if transfer.isProprietaryIdentifier { w.element("ram:ProprietaryID", transfer.accountIdentifier) }
                w.close("ram:PayeePartyCreditorFinancialAccount")
                w.wrapped(
                    "ram:PayeeSpecifiedCreditorFinancialInstitution", "ram:BICID", transfer.serviceProviderIdentifier)
            }
            w.close("ram:SpecifiedTradeSettlementPaymentMeans")
        }
    }

    /// A document or line level `ram:SpecifiedTradeAllowanceCharge`.
    func writeAllowanceCharge(_ item: AllowanceCharge, isCharge: Bool, _ w: inout XMLWriter) {
        w.open("ram:SpecifiedTradeAllowanceCharge")
        w.open("ram:ChargeIndicator")
        w.element("udt:Indicator", isCharge ? "true" : "false")
        w.close("ram:ChargeIndicator")
        w.decimal("ram:CalculationPercent", item.percentage)
        w.decimal("ram:BasisAmount", item.baseAmount)
        w.decimal("ram:ActualAmount", item.amount)
        w.element("ram:ReasonCode", item.reasonCode)
        w.element("ram:Reason", item.reason)
        if item.vatCategoryCode != nil || item.vatRate != nil {
            w.open("ram:CategoryTradeTax")
            w.element("ram:TypeCode", "VAT")
            w.element("ram:CategoryCode", item.vatCategoryCode)
            w.decimal("ram:RateApplicablePercent", item.vatRate)
            w.close("ram:CategoryTradeTax")
        }
        w.close("ram:SpecifiedTradeAllowanceCharge")
    }

    func writePeriod(_ name: String, _ period: Period?, _ w: inout XMLWriter) {
        guard let period else { return }
        w.open(name)
        w.dateTime("ram:StartDateTime", period.startDate)
        w.dateTime("ram:EndDateTime", period.endDate)
        w.close(name)
    }

    /// `ram:SpecifiedTradeSettlementHeaderMonetarySummation` (BG-22). BT-110 carries the invoice currency,
    /// BT-111 the VAT accounting currency.
    func writeTotals(_ invoice: Invoice, _ w: inout XMLWriter) {
        let totals = invoice.totals
        w.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
        w.decimal("ram:LineTotalAmount", totals.lineNetTotal)
        w.decimal("ram:ChargeTotalAmount", totals.chargeTotal)
        w.decimal("ram:AllowanceTotalAmount", totals.allowanceTotal)
        w.decimal("ram:TaxBasisTotalAmount", totals.taxExclusiveAmount)
        let currency = invoice.currencyCode.isEmpty ? nil : invoice.currencyCode
        w.decimal("ram:TaxTotalAmount", totals.vatTotal, attribute: "currencyID", currency)
        w.decimal(
            "ram:TaxTotalAmount", totals.vatTotalInAccountingCurrency, attribute: "currencyID",
            invoice.vatAccountingCurrencyCode)
        w.decimal("ram:RoundingAmount", totals.roundingAmount)
        w.decimal("ram:GrandTotalAmount", totals.taxInclusiveAmount)
        w.decimal("ram:TotalPrepaidAmount", totals.paidAmount)
        w.decimal("ram:DuePayableAmount", totals.amountDue)
        w.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    }
}
