import EInvoice

extension UBLInvoiceMapping {
    /// BG-16 … BG-19, BT-20, and BT-9 of a credit note (`cac:PaymentMeans/cbc:PaymentDueDate`).
    ///
    /// UBL repeats `cac:PaymentMeans` once per account; the first gives BT-81 … BT-83, each gives a BG-17.
    /// A later means with another code or remittance text cannot be held by the model and stays unread.
    mutating func readPayment(into invoice: inout Invoice) throws(InvoiceReadError) {
        var instructions = PaymentInstructions()
        var hasInstructions = false
        var first = true
        for means in source.peekAll(root, "PaymentMeans", Self.cac) {
            if isCreditNote {
                if invoice.dueDate == nil {
                    invoice.dueDate = try source.date(means, "PaymentDueDate", at: "BT-9")
                } else if let date = source.peek(means, "PaymentDueDate"),
                    CalendarDate(text: source.text(of: date)) == invoice.dueDate
                {
                    source.consume(date)
                }
            }
            let hasPaymentContent = source.tree.elements[means].children.contains {
                source.tree.elements[$0].localName != "PaymentDueDate"
            }
            source.consume(means)
            guard hasPaymentContent else { continue }
            hasInstructions = true
            if first {
                source.record("BG-16", means)
                if let code = source.take(means, "PaymentMeansCode") {
                    source.record("BG-16/BT-81", code)
                    instructions.meansTypeCode = source.text(of: code)
                    if let name = source.attribute("name", of: code) {
                        instructions.meansText = name
                        source.record("BG-16/BT-82", code)
                    }
                }
                instructions.remittanceInformation = source.text(means, "PaymentID", at: "BG-16/BT-83")
            } else {
                // Repetitions of the first means' code and remittance information carry nothing new.
                if let code = source.peek(means, "PaymentMeansCode"), source.text(of: code) == instructions.meansTypeCode,
                    source.attribute("name", of: code) == nil || source.attribute("name", of: code) == instructions.meansText
                {
                    source.consume(code)
                }
                if let id = source.peek(means, "PaymentID"), source.text(of: id) == instructions.remittanceInformation {
                    source.consume(id)
                }
            }
            first = false
            for account in source.takeAll(means, "PayeeFinancialAccount", Self.cac) {
                let path = "BG-16/BG-17[\(instructions.creditTransfers.count)]"
                source.record(path, account)
                var transfer = CreditTransfer(accountIdentifier: source.text(account, "ID", at: path + "/BT-84") ?? "")
                transfer.accountName = source.text(account, "Name", at: path + "/BT-85")
                if let branch = source.take(account, "FinancialInstitutionBranch", Self.cac) {
                    transfer.serviceProviderIdentifier = source.text(branch, "ID", at: path + "/BT-86")
                }
                instructions.creditTransfers.append(transfer)
            }
            if instructions.card == nil, let card = source.take(means, "CardAccount", Self.cac) {
                source.record("BG-16/BG-18", card)
                instructions.card = PaymentCard(
                    primaryAccountNumber: source.text(card, "PrimaryAccountNumberID", at: "BG-16/BG-18/BT-87") ?? "",
                    holderName: source.text(card, "HolderName", at: "BG-16/BG-18/BT-88"))
            }
            if instructions.directDebit == nil, let mandate = source.take(means, "PaymentMandate", Self.cac) {
                source.record("BG-16/BG-19", mandate)
                var debit = DirectDebit(mandateReference: source.text(mandate, "ID", at: "BG-16/BG-19/BT-89"))
                if let account = source.take(mandate, "PayerFinancialAccount", Self.cac) {
                    debit.debitedAccountIdentifier = source.text(account, "ID", at: "BG-16/BG-19/BT-91")
                }
                instructions.directDebit = debit
            }
        }
        if let creditorIdentifier {
            hasInstructions = true
            var debit = instructions.directDebit ?? DirectDebit()
            debit.creditorIdentifier = creditorIdentifier
            instructions.directDebit = debit
        }
        if hasInstructions { invoice.paymentInstructions = instructions }

        if let terms = source.peek(root, "PaymentTerms", Self.cac), source.peek(terms, "Note") != nil {
            source.consume(terms)
            invoice.paymentTerms = source.text(terms, "Note", at: "BT-20")
        }
    }

    /// BG-20 and BG-21: document level allowances and charges.
    mutating func readAllowancesAndCharges(into invoice: inout Invoice) throws(InvoiceReadError) {
        for element in source.peekAll(root, "AllowanceCharge", Self.cac) {
            guard let isCharge = try chargeIndicator(element) else { continue }
            if isCharge {
                let path = "BG-21[\(invoice.charges.count)]"
                invoice.charges.append(try readAllowanceCharge(element, .documentCharge, at: path))
            } else {
                let path = "BG-20[\(invoice.allowances.count)]"
                invoice.allowances.append(try readAllowanceCharge(element, .documentAllowance, at: path))
            }
        }
    }

    /// `cbc:ChargeIndicator`, consumed with its parent; nil (and nothing consumed) when it is missing.
    mutating func chargeIndicator(_ element: Int) throws(InvoiceReadError) -> Bool? {
        guard let indicator = source.peek(element, "ChargeIndicator") else { return nil }
        let value: Bool
        switch source.text(of: indicator) {
        case "true", "1": value = true
        case "false", "0": value = false
        default:
            throw source.failure(
                at: indicator, path: "ChargeIndicator",
                "'\(source.text(of: indicator))' is not a boolean; write true for a charge, false for an allowance")
        }
        source.consume(element)
        source.consume(indicator)
        return value
    }

    /// One allowance or charge; `path` is its group path with index, e.g. `BG-25[0]/BG-27[1]`.
    mutating func readAllowanceCharge(_ element: Int, _ terms: UBLAllowanceChargeTerms, at path: String)
        throws(InvoiceReadError) -> AllowanceCharge
    {
        source.record(path, element)
        let prefix = path + "/"
        var result = AllowanceCharge(amount: try source.decimal(element, "Amount", at: prefix + terms.amount))
        result.baseAmount = try source.decimal(element, "BaseAmount", at: prefix + terms.baseAmount)
        result.percentage = try source.decimal(element, "MultiplierFactorNumeric", at: prefix + terms.percentage)
        result.reason = source.text(element, "AllowanceChargeReason", at: prefix + terms.reason)
        result.reasonCode = source.text(element, "AllowanceChargeReasonCode", at: prefix + terms.reasonCode)
        if let categoryTerm = terms.categoryCode, let rateTerm = terms.rate,
            let category = source.take(element, "TaxCategory", Self.cac)
        {
            result.vatCategoryCode = source.text(category, "ID", at: prefix + categoryTerm)
            result.vatRate = try source.decimal(category, "Percent", at: prefix + rateTerm)
            readTaxScheme(category, writtenAs: "VAT")
        }
        return result
    }
}
