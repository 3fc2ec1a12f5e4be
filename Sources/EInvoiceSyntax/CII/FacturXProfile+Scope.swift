import EInvoice

/// What each Factur-X profile carries, after the Factur-X 1.0.7 / 1.09 profile schemas and their
/// "not used" schematron rules. EN 16931 and EXTENDED carry every EN 16931 term.
extension FacturXProfile {
    /// The invoice cut down to the terms the profile carries, and the ids of what was cut.
    func scope(_ invoice: Invoice) -> (invoice: Invoice, dropped: [String]) {
        let scoped: Invoice
        switch self {
        case .en16931, .extended: return (invoice, [])
        case .minimum: scoped = Self.minimum(invoice)
        case .basicWL:
            var result = Self.basicWLHeader(invoice)
            result.lines = []
            scoped = result
        case .basic:
            var result = Self.basicWLHeader(invoice)
            result.lines = result.lines.map(Self.basicLine)
            scoped = result
        }
        return (scoped, InvoiceTermInventory(invoice).removed(in: InvoiceTermInventory(scoped)))
    }

    /// MINIMUM: the document, the seller's and buyer's names and registrations, the seller's country and
    /// four totals.
    static func minimum(_ invoice: Invoice) -> Invoice {
        var result = Invoice()
        result.number = invoice.number
        result.issueDate = invoice.issueDate
        result.typeCode = invoice.typeCode
        result.currencyCode = invoice.currencyCode
        result.processControl = invoice.processControl
        result.buyerReference = invoice.buyerReference
        result.purchaseOrderReference = invoice.purchaseOrderReference
        result.seller.name = invoice.seller.name
        result.seller.legalRegistrationIdentifier = invoice.seller.legalRegistrationIdentifier
        result.seller.vatIdentifier = invoice.seller.vatIdentifier
        result.seller.taxRegistrationIdentifier = invoice.seller.taxRegistrationIdentifier
        result.seller.postalAddress = invoice.seller.postalAddress.map { PostalAddress(countryCode: $0.countryCode) }
        result.buyer.name = invoice.buyer.name
        result.buyer.legalRegistrationIdentifier = invoice.buyer.legalRegistrationIdentifier
        result.totals.taxExclusiveAmount = invoice.totals.taxExclusiveAmount
        result.totals.vatTotal = invoice.totals.vatTotal
        result.totals.taxInclusiveAmount = invoice.totals.taxInclusiveAmount
        result.totals.amountDue = invoice.totals.amountDue
        return result
    }

    /// The header of BASIC WL and BASIC: EN 16931 without contacts, supporting documents, project, sales
    /// order, receiving advice, tender and object references, payment card, account name, BIC, payment
    /// means text, tax point date, rounding amount, the seller's additional legal information and the
    /// buyer's trading name.
    static func basicWLHeader(_ invoice: Invoice) -> Invoice {
        var result = invoice
        result.projectReference = nil
        result.salesOrderReference = nil
        result.receivingAdviceReference = nil
        result.tenderOrLotReference = nil
        result.invoicedObjectIdentifier = nil
        result.supportingDocuments = []
        result.taxPointDate = nil
        result.totals.roundingAmount = nil
        result.seller.contact = nil
        result.seller.additionalLegalInformation = nil
        result.buyer.contact = nil
        result.buyer.tradingName = nil
        if var payment = result.paymentInstructions {
            payment.meansText = nil
            payment.card = nil
            for index in payment.creditTransfers.indices {
                payment.creditTransfers[index].accountName = nil
                payment.creditTransfers[index].serviceProviderIdentifier = nil
            }
            result.paymentInstructions = payment
        }
        return result
    }

    /// A BASIC line: identifier, note, quantity, net amount, period, allowance and charge amounts and
    /// reasons, prices, VAT, item name and standard identifier.
    static func basicLine(_ line: InvoiceLine) -> InvoiceLine {
        var result = line
        result.objectIdentifier = nil
        result.purchaseOrderLineReference = nil
        result.buyerAccountingReference = nil
        func basic(_ item: AllowanceCharge) -> AllowanceCharge {
            var reduced = item
            reduced.baseAmount = nil
            reduced.percentage = nil
            return reduced
        }
        result.allowances = line.allowances.map(basic)
        result.charges = line.charges.map(basic)
        var item = ItemInformation(name: line.item.name)
        item.standardIdentifier = line.item.standardIdentifier
        result.item = item
        return result
    }
}
