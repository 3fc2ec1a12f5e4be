import EInvoice

extension CIIWriter {
    /// `ram:ApplicableHeaderTradeSettlement`.
    func writeSettlement(_ invoice: Invoice, _ w: inout XMLWriter) {
        let payment = invoice.paymentInstructions
        w.start("ram:ApplicableHeaderTradeSettlement")
        w.leaf("ram:CreditorReferenceID", payment?.directDebit?.creditorIdentifier)
        w.leaf("ram:PaymentReference", payment?.remittanceInformation)
        w.leaf("ram:TaxCurrencyCode", invoice.vatAccountingCurrencyCode)
        w.leaf("ram:InvoiceCurrencyCode", invoice.currencyCode)
        if let payee = invoice.payee {
            w.start("ram:PayeeTradeParty")
            w.identifier(payee.identifier?.schemeID == nil ? "ram:ID" : "ram:GlobalID", payee.identifier)
            w.leaf("ram:Name", payee.name)
            if let legal = payee.legalRegistrationIdentifier {
                w.start("ram:SpecifiedLegalOrganization")
                w.identifier("ram:ID", legal)
                w.end("ram:SpecifiedLegalOrganization")
            }
            w.end("ram:PayeeTradeParty")
        }
        if let payment { writePaymentMeans(payment, &w) }
        for breakdown in invoice.vatBreakdown {
            w.start("ram:ApplicableTradeTax")
            w.decimal("ram:CalculatedAmount", breakdown.taxAmount)
            w.leaf("ram:TypeCode", "VAT")
            w.leaf("ram:ExemptionReason", breakdown.exemptionReason)
            w.decimal("ram:BasisAmount", breakdown.taxableAmount)
            w.leaf("ram:CategoryCode", breakdown.categoryCode)
            w.leaf("ram:ExemptionReasonCode", breakdown.exemptionReasonCode)
            // BT-7 and BT-8 are document terms that CII repeats in every breakdown.
            w.dateTime("ram:TaxPointDate", invoice.taxPointDate, leaf: "udt:DateString")
            w.leaf("ram:DueDateTypeCode", invoice.taxPointDateCode)
            w.decimal("ram:RateApplicablePercent", breakdown.rate)
            w.end("ram:ApplicableTradeTax")
        }
        writePeriod("ram:BillingSpecifiedPeriod", invoice.invoicingPeriod, &w)
        for allowance in invoice.allowances { writeAllowanceCharge(allowance, isCharge: false, &w) }
        for charge in invoice.charges { writeAllowanceCharge(charge, isCharge: true, &w) }
        let mandate = payment?.directDebit?.mandateReference
        if invoice.paymentTerms != nil || invoice.dueDate != nil || mandate != nil {
            w.start("ram:SpecifiedTradePaymentTerms")
            w.leaf("ram:Description", invoice.paymentTerms)
            w.dateTime("ram:DueDateDateTime", invoice.dueDate)
            w.leaf("ram:DirectDebitMandateID", mandate)
            w.end("ram:SpecifiedTradePaymentTerms")
        }
        writeTotals(invoice, &w)
        for preceding in invoice.precedingInvoices {
            w.start("ram:InvoiceReferencedDocument")
            w.leaf("ram:IssuerAssignedID", preceding.number)
            w.dateTime("ram:FormattedIssueDateTime", preceding.issueDate, leaf: "qdt:DateTimeString")
            w.end("ram:InvoiceReferencedDocument")
        }
        w.wrapped("ram:ReceivableSpecifiedTradeAccountingAccount", "ram:ID", invoice.buyerAccountingReference)
        w.end("ram:ApplicableHeaderTradeSettlement")
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
            w.start("ram:SpecifiedTradeSettlementPaymentMeans")
            w.leaf("ram:TypeCode", payment.meansTypeCode)
            w.leaf("ram:Information", payment.meansText)
            if position == 0, let card = payment.card {
                w.start("ram:ApplicableTradeSettlementFinancialCard")
                w.leaf("ram:ID", card.primaryAccountNumber)
                w.leaf("ram:CardholderName", card.holderName)
                w.end("ram:ApplicableTradeSettlementFinancialCard")
            }
            if position == 0 { w.wrapped("ram:PayerPartyDebtorFinancialAccount", "ram:IBANID", debited) }
            if let transfer {
                w.start("ram:PayeePartyCreditorFinancialAccount")
                if !transfer.isProprietaryIdentifier { w.leaf("ram:IBANID", transfer.accountIdentifier) }
                w.leaf("ram:AccountName", transfer.accountName)
                if transfer.isProprietaryIdentifier { w.leaf("ram:ProprietaryID", transfer.accountIdentifier) }
                w.end("ram:PayeePartyCreditorFinancialAccount")
                w.wrapped(
                    "ram:PayeeSpecifiedCreditorFinancialInstitution", "ram:BICID", transfer.serviceProviderIdentifier)
            }
            w.end("ram:SpecifiedTradeSettlementPaymentMeans")
        }
    }

    /// A document or line level `ram:SpecifiedTradeAllowanceCharge`.
    func writeAllowanceCharge(_ item: AllowanceCharge, isCharge: Bool, _ w: inout XMLWriter) {
        w.start("ram:SpecifiedTradeAllowanceCharge")
        w.start("ram:ChargeIndicator")
        w.leaf("udt:Indicator", isCharge ? "true" : "false")
        w.end("ram:ChargeIndicator")
        w.decimal("ram:CalculationPercent", item.percentage)
        w.decimal("ram:BasisAmount", item.baseAmount)
        w.decimal("ram:ActualAmount", item.amount)
        w.leaf("ram:ReasonCode", item.reasonCode)
        w.leaf("ram:Reason", item.reason)
        if item.vatCategoryCode != nil || item.vatRate != nil {
            w.start("ram:CategoryTradeTax")
            w.leaf("ram:TypeCode", "VAT")
            w.leaf("ram:CategoryCode", item.vatCategoryCode)
            w.decimal("ram:RateApplicablePercent", item.vatRate)
            w.end("ram:CategoryTradeTax")
        }
        w.end("ram:SpecifiedTradeAllowanceCharge")
    }

    func writePeriod(_ name: StaticString, _ period: Period?, _ w: inout XMLWriter) {
        guard let period else { return }
        w.start(name)
        w.dateTime("ram:StartDateTime", period.startDate)
        w.dateTime("ram:EndDateTime", period.endDate)
        w.end(name)
    }

    /// `ram:SpecifiedTradeSettlementHeaderMonetarySummation` (BG-22). BT-110 carries the invoice currency,
    /// BT-111 the VAT accounting currency.
    func writeTotals(_ invoice: Invoice, _ w: inout XMLWriter) {
        let totals = invoice.totals
        w.start("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
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
        w.end("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    }
}
