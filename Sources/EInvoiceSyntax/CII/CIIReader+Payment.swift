import EInvoice

/// BG-16 as it is gathered from the places CII spreads it over: the payment means (one per credit
/// transfer account), the payment terms (BT-89) and the settlement (BT-83, BT-90).
struct CIIPaymentReading {
    var instructions = PaymentInstructions()
    var found = false
    var sawMeans = false
    var sawTypeCode = false
    var mandateReference: String?
    var creditorIdentifier: String?
    var debitedAccount: String?

    func finished() -> PaymentInstructions? {
        var result = instructions
        if mandateReference != nil || creditorIdentifier != nil || debitedAccount != nil {
            result.directDebit = DirectDebit(
                mandateReference: mandateReference, creditorIdentifier: creditorIdentifier,
                debitedAccountIdentifier: debitedAccount)
        }
        return found || result.directDebit != nil ? result : nil
    }
}

extension CIIReader {
    /// One `ram:SpecifiedTradeSettlementPaymentMeans`. The first gives BT-81 and BT-82; later ones that
    /// repeat them only add a credit transfer account (BG-17).
    func readPaymentMeans(_ element: Int, into payment: inout CIIPaymentReading, _ context: inout CIIReadContext) {
        if payment.sawMeans { context.consume(element) } else { context.group(element, "BG-16") }
        payment.sawMeans = true
        payment.found = true
        var sawText = false
        var transfer: CreditTransfer?
        var bank: Int?
        for child in context.children(element) {
            switch context.name(child) {
            case "TypeCode":
                if !payment.sawTypeCode {
                    payment.sawTypeCode = true
                    payment.instructions.meansTypeCode = context.text(child, "BG-16/BT-81")
                } else if context.peek(child) == payment.instructions.meansTypeCode {
                    context.consume(child)
                }
            case "Information" where !sawText:
                sawText = true
                if payment.instructions.meansText == nil {
                    payment.instructions.meansText = context.text(child, "BG-16/BT-82")
                } else if context.peek(child) == payment.instructions.meansText {
                    context.consume(child)
                }
            case "ApplicableTradeSettlementFinancialCard" where payment.instructions.card == nil:
                payment.instructions.card = readCard(child, &context)
            case "PayerPartyDebtorFinancialAccount" where payment.debitedAccount == nil:
                guard let iban = context.child(child, "IBANID") else { continue }
                context.group(child, "BG-16/BG-19")
                payment.debitedAccount = context.text(iban, "BG-16/BG-19/BT-91")
            case "PayeePartyCreditorFinancialAccount" where transfer == nil:
                transfer = readCreditorAccount(child, position: payment.instructions.creditTransfers.count, &context)
            case "PayeeSpecifiedCreditorFinancialInstitution" where bank == nil:
                bank = child
            default: break
            }
        }
        if let bank, let bic = context.child(bank, "BICID") {
            let path = "BG-16/BG-17[\(payment.instructions.creditTransfers.count)]"
            if transfer == nil { transfer = CreditTransfer(accountIdentifier: "") }
            context.consume(bank)
            transfer?.serviceProviderIdentifier = context.text(bic, path + "/BT-86")
        }
        if let transfer { payment.instructions.creditTransfers.append(transfer) }
    }

    /// `ram:PayeePartyCreditorFinancialAccount` (BG-17): an IBAN or a proprietary id, and the account name.
    func readCreditorAccount(_ element: Int, position: Int, _ context: inout CIIReadContext) -> CreditTransfer {
        let path = "BG-16/BG-17[\(position)]"
        context.group(element, path)
        var transfer = CreditTransfer(accountIdentifier: "")
        var sawAccount = false
        for child in context.children(element) {
            switch context.name(child) {
            case "IBANID" where !sawAccount:
                sawAccount = true
                transfer.accountIdentifier = context.text(child, path + "/BT-84")
            case "ProprietaryID" where !sawAccount:
                sawAccount = true
                transfer.accountIdentifier = context.text(child, path + "/BT-84")
                transfer.isProprietaryIdentifier = true
            case "AccountName" where transfer.accountName == nil:
                transfer.accountName = context.text(child, path + "/BT-85")
            default: break
            }
        }
        return transfer
    }

    /// `ram:ApplicableTradeSettlementFinancialCard` (BG-18).
    func readCard(_ element: Int, _ context: inout CIIReadContext) -> PaymentCard {
        context.group(element, "BG-16/BG-18")
        var card = PaymentCard(primaryAccountNumber: "")
        var sawNumber = false
        for child in context.children(element) {
            switch context.name(child) {
            case "ID" where !sawNumber:
                sawNumber = true
                card.primaryAccountNumber = context.text(child, "BG-16/BG-18/BT-87")
            case "CardholderName" where card.holderName == nil:
                card.holderName = context.text(child, "BG-16/BG-18/BT-88")
            default: break
            }
        }
        return card
    }

    /// `ram:SpecifiedTradePaymentTerms`: BT-20, BT-9 and BT-89. Only the first of each is mapped.
    func readPaymentTerms(
        _ element: Int, into invoice: inout Invoice, _ payment: inout CIIPaymentReading, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) {
        var consumedAny = false
        for child in context.children(element) {
            switch context.name(child) {
            case "Description" where invoice.paymentTerms == nil:
                invoice.paymentTerms = context.text(child, "BT-20")
                consumedAny = true
            case "DueDateDateTime" where invoice.dueDate == nil:
                invoice.dueDate = try context.date(in: child, "BT-9")
                consumedAny = true
            case "DirectDebitMandateID" where payment.mandateReference == nil:
                payment.mandateReference = context.text(child, "BG-16/BG-19/BT-89")
                consumedAny = true
            default: break
            }
        }
        // An empty payment terms element is a container of nothing; leave a second one visible.
        if consumedAny || context.children(element).isEmpty { context.consume(element) }
    }
}
