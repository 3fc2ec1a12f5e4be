import EInvoice

/// The terms an invoice holds, as group paths without positions (`BT-11`, `BG-4/BG-6/BT-41`,
/// `BG-25/BG-31/BT-154`). Comparing two inventories says which terms a transformation removed.
struct InvoiceTermInventory {
    private(set) var paths: Set<String> = []

    init(_ invoice: Invoice) {
        add("BT-1", !invoice.number.isEmpty)
        add("BT-2", invoice.issueDate)
        add("BT-3", !invoice.typeCode.isEmpty)
        add("BT-5", !invoice.currencyCode.isEmpty)
        add("BT-6", invoice.vatAccountingCurrencyCode)
        add("BT-7", invoice.taxPointDate)
        add("BT-8", invoice.taxPointDateCode)
        add("BT-9", invoice.dueDate)
        add("BT-10", invoice.buyerReference)
        add("BT-11", invoice.projectReference)
        add("BT-12", invoice.contractReference)
        add("BT-13", invoice.purchaseOrderReference)
        add("BT-14", invoice.salesOrderReference)
        add("BT-15", invoice.receivingAdviceReference)
        add("BT-16", invoice.despatchAdviceReference)
        add("BT-17", invoice.tenderOrLotReference)
        add("BT-18", invoice.invoicedObjectIdentifier)
        add("BT-19", invoice.buyerAccountingReference)
        add("BT-20", invoice.paymentTerms)
        for note in invoice.notes {
            add("BG-1", true)
            add("BG-1/BT-21", note.subjectCode)
        }
        add("BG-2/BT-23", invoice.processControl.businessProcessType)
        add("BG-2/BT-24", !invoice.processControl.specificationIdentifier.isEmpty)
        for preceding in invoice.precedingInvoices {
            add("BG-3", true)
            add("BG-3/BT-26", preceding.issueDate)
        }
        addParty(invoice.seller, CIIPartyTerms.seller)
        addParty(invoice.buyer, CIIPartyTerms.buyer)
        if let payee = invoice.payee {
            add("BG-10", true)
            add("BG-10/BT-60", payee.identifier)
            add("BG-10/BT-61", payee.legalRegistrationIdentifier)
        }
        if let representative = invoice.sellerTaxRepresentative {
            add("BG-11", true)
            add("BG-11/BT-63", representative.vatIdentifier)
            addAddress(representative.postalAddress, .taxRepresentative)
        }
        if let delivery = invoice.delivery {
            add("BG-13", true)
            add("BG-13/BT-70", delivery.partyName)
            add("BG-13/BT-71", delivery.locationIdentifier)
            add("BG-13/BT-72", delivery.actualDeliveryDate)
            addAddress(delivery.address, .deliverTo)
        }
        add("BG-14", invoice.invoicingPeriod)
        if let payment = invoice.paymentInstructions { addPayment(payment) }
        for allowance in invoice.allowances { addAllowanceCharge(allowance, "BG-20", .documentAllowance) }
        for charge in invoice.charges { addAllowanceCharge(charge, "BG-21", .documentCharge) }
        addTotals(invoice.totals)
        for breakdown in invoice.vatBreakdown {
            add("BG-23", true)
            add("BG-23/BT-120", breakdown.exemptionReason)
            add("BG-23/BT-121", breakdown.exemptionReasonCode)
        }
        for document in invoice.supportingDocuments {
            add("BG-24", true)
            add("BG-24/BT-123", document.description)
            add("BG-24/BT-124", document.externalLocation)
            add("BG-24/BT-125", document.attachment)
        }
        for line in invoice.lines { addLine(line) }
    }

    private mutating func add(_ path: String, _ present: Bool) {
        if present { paths.insert(path) }
    }

    private mutating func add(_ path: String, _ value: (some Any)?) {
        if value != nil { paths.insert(path) }
    }

    private mutating func addParty(_ party: Party, _ terms: CIIPartyTerms) {
        let group = terms.group
        add("\(group)/\(terms.tradingName)", party.tradingName)
        add("\(group)/\(terms.identifier)", !party.identifiers.isEmpty)
        add("\(group)/\(terms.legalRegistration)", party.legalRegistrationIdentifier)
        add("\(group)/\(terms.vatIdentifier)", party.vatIdentifier)
        add("\(group)/\(terms.taxRegistration ?? "BT-32")", party.taxRegistrationIdentifier)
        add("\(group)/\(terms.additionalLegalInformation ?? "BT-33")", party.additionalLegalInformation)
        add("\(group)/\(terms.electronicAddress)", party.electronicAddress)
        addAddress(party.postalAddress, terms.address)
        if let contact = party.contact {
            let path = "\(group)/\(terms.contact.group)"
            add(path, true)
            add("\(path)/\(terms.contact.name)", contact.name)
            add("\(path)/\(terms.contact.telephone)", contact.telephone)
            add("\(path)/\(terms.contact.email)", contact.email)
        }
    }

    private mutating func addAddress(_ address: PostalAddress?, _ terms: CIIAddressTerms) {
        guard let address else { return }
        add(terms.path, true)
        add("\(terms.path)/\(terms.line1)", address.line1)
        add("\(terms.path)/\(terms.line2)", address.line2)
        add("\(terms.path)/\(terms.line3)", address.line3)
        add("\(terms.path)/\(terms.city)", address.city)
        add("\(terms.path)/\(terms.postCode)", address.postCode)
        add("\(terms.path)/\(terms.subdivision)", address.countrySubdivision)
    }

    private mutating func addPayment(_ payment: PaymentInstructions) {
        add("BG-16", true)
        add("BG-16/BT-82", payment.meansText)
        add("BG-16/BT-83", payment.remittanceInformation)
        for transfer in payment.creditTransfers {
            add("BG-16/BG-17", true)
            add("BG-16/BG-17/BT-85", transfer.accountName)
            add("BG-16/BG-17/BT-86", transfer.serviceProviderIdentifier)
        }
        add("BG-16/BG-18", payment.card)
        if let debit = payment.directDebit {
            add("BG-16/BG-19/BT-89", debit.mandateReference)
            add("BG-16/BG-19/BT-90", debit.creditorIdentifier)
            add("BG-16/BG-19/BT-91", debit.debitedAccountIdentifier)
        }
    }

    private mutating func addAllowanceCharge(_ item: AllowanceCharge, _ group: String, _ terms: CIIAllowanceChargeTerms)
    {
        add(group, true)
        add("\(group)/\(terms.baseAmount)", item.baseAmount)
        add("\(group)/\(terms.percentage)", item.percentage)
        if let category = terms.vatCategory { add("\(group)/\(category)", item.vatCategoryCode) }
        if let rate = terms.vatRate { add("\(group)/\(rate)", item.vatRate) }
        add("\(group)/\(terms.reason)", item.reason)
        add("\(group)/\(terms.reasonCode)", item.reasonCode)
    }

    private mutating func addTotals(_ totals: DocumentTotals) {
        add("BG-22/BT-106", totals.lineNetTotal)
        add("BG-22/BT-107", totals.allowanceTotal)
        add("BG-22/BT-108", totals.chargeTotal)
        add("BG-22/BT-109", totals.taxExclusiveAmount)
        add("BG-22/BT-110", totals.vatTotal)
        add("BG-22/BT-111", totals.vatTotalInAccountingCurrency)
        add("BG-22/BT-112", totals.taxInclusiveAmount)
        add("BG-22/BT-113", totals.paidAmount)
        add("BG-22/BT-114", totals.roundingAmount)
        add("BG-22/BT-115", totals.amountDue)
    }

    private mutating func addLine(_ line: InvoiceLine) {
        add("BG-25", true)
        add("BG-25/BT-127", line.note)
        add("BG-25/BT-128", line.objectIdentifier)
        add("BG-25/BT-132", line.purchaseOrderLineReference)
        add("BG-25/BT-133", line.buyerAccountingReference)
        add("BG-25/BG-26", line.period)
        for allowance in line.allowances { addAllowanceCharge(allowance, "BG-25/BG-27", .lineAllowance) }
        for charge in line.charges { addAllowanceCharge(charge, "BG-25/BG-28", .lineCharge) }
        add("BG-25/BG-29/BT-147", line.price.discount)
        add("BG-25/BG-29/BT-148", line.price.grossPrice)
        add("BG-25/BG-29/BT-149", line.price.baseQuantity)
        let item = line.item
        add("BG-25/BG-31/BT-154", item.description)
        add("BG-25/BG-31/BT-155", item.sellerIdentifier)
        add("BG-25/BG-31/BT-156", item.buyerIdentifier)
        add("BG-25/BG-31/BT-157", item.standardIdentifier)
        add("BG-25/BG-31/BT-158", !item.classifications.isEmpty)
        add("BG-25/BG-31/BT-159", item.countryOfOrigin)
        add("BG-25/BG-31/BG-32", !item.attributes.isEmpty)
    }

    /// The ids of what `self` holds and `smaller` does not; a removed group hides its own terms.
    func removed(in smaller: InvoiceTermInventory) -> [String] {
        let gone = paths.subtracting(smaller.paths)
        let outermost = gone.filter { path in
            !gone.contains { other in other != path && path.hasPrefix(other + "/") }
        }
        return outermost.map { String($0.split(separator: "/").last ?? Substring($0)) }
            .sorted { Self.order($0) < Self.order($1) }
    }

    /// Groups first, then terms, each by number.
    private static func order(_ id: String) -> (Int, Int) {
        let number = Int(id.drop { !$0.isNumber }) ?? 0
        return (id.hasPrefix("BG") ? 0 : 1, number)
    }
}
