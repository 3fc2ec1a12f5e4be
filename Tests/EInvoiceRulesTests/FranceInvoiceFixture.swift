import EInvoice

/// A valid French B2B invoice built in memory: the SIREN, the 0225 addresses, the legal-mention and BAR notes, the
/// billing framework and every amount with French decimals. The same invoice as conformance/seeds/fr-cii.xml.
enum FranceInvoiceFixture {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)
    }

    static func amount(_ text: String) -> ExactDecimal {
        (try? ExactDecimal(parsing: text)) ?? .zero
    }

    static func address(_ line: String, _ city: String, _ postCode: String) -> PostalAddress {
        var address = PostalAddress(countryCode: "FR")
        address.line1 = line
        address.city = city
        address.postCode = postCode
        return address
    }

    static var seller: Party {
        var party = Party()
        party.name = "Fournitures Durand SAS"
        party.identifiers = [Identifier("12345678200010", schemeID: "0009")]
        party.legalRegistrationIdentifier = Identifier("123456782", schemeID: "0002")
        party.vatIdentifier = "FR32123456782"
        party.electronicAddress = Identifier("123456782_FACTURES", schemeID: "0225")
        party.postalAddress = address("12 rue de la Paix", "Paris", "75002")
        return party
    }

    static var buyer: Party {
        var party = Party()
        party.name = "Bureaux Martin SARL"
        party.identifiers = [Identifier("98765432100015", schemeID: "0009")]
        party.legalRegistrationIdentifier = Identifier("987654321", schemeID: "0002")
        party.vatIdentifier = "FR12987654321"
        party.electronicAddress = Identifier("987654321", schemeID: "0225")
        party.postalAddress = address("5 quai Saint-Antoine", "Lyon", "69002")
        return party
    }

    static var lines: [InvoiceLine] {
        var paper = InvoiceLine(
            identifier: "1", quantity: Quantity(amount("10"), unitCode: "C62"), netAmount: amount("40.00"),
            price: PriceDetails(
                netPrice: amount("4.50"), discount: amount("0.50"), grossPrice: amount("5.00"),
                baseQuantity: Quantity(amount("1"), unitCode: "C62")),
            vat: LineVATInformation(categoryCode: "S", rate: amount("20.00")),
            item: ItemInformation(name: "Ramette papier A4"))
        paper.period = Period(startDate: date(2025, 1, 1), endDate: date(2025, 1, 31))
        paper.allowances = [AllowanceCharge(amount: amount("5.00"), reason: "Remise quantité", reasonCode: "95")]
        paper.item.attributes = [ItemAttribute(name: "Couleur", value: "Blanc")]
        let installation = InvoiceLine(
            identifier: "2", quantity: Quantity(amount("1"), unitCode: "C62"), netAmount: amount("100.00"),
            price: PriceDetails(netPrice: amount("100.00")),
            vat: LineVATInformation(categoryCode: "S", rate: amount("20.00")),
            item: ItemInformation(name: "Installation sur site"))
        return [paper, installation]
    }

    static var invoice: Invoice {
        var invoice = Invoice()
        invoice.number = "FA-2025-0001"
        invoice.issueDate = date(2025, 1, 15)
        invoice.typeCode = "380"
        invoice.currencyCode = "EUR"
        invoice.taxPointDate = date(2025, 1, 15)
        invoice.dueDate = date(2025, 2, 28)
        invoice.buyerReference = "SERVICE-ACHATS"
        invoice.purchaseOrderReference = "CMD-4711"
        invoice.contractReference = "CONTRAT-2024-07"
        invoice.paymentTerms = "Paiement à 30 jours fin de mois"
        invoice.processControl = ProcessControl(
            businessProcessType: "M1", specificationIdentifier: "urn:cen.eu:en16931:2017")
        invoice.notes = [
            InvoiceNote(text: "B2B", subjectCode: "BAR"),
            InvoiceNote(
                text:
                    "Tout retard de paiement entraîne une indemnité forfaitaire de 40 euros pour frais de "
                    + "recouvrement.",
                subjectCode: "PMT"),
            InvoiceNote(text: "Pénalités de retard : trois fois le taux d'intérêt légal.", subjectCode: "PMD"),
            InvoiceNote(text: "Pas d'escompte pour paiement anticipé.", subjectCode: "AAB"),
        ]
        invoice.precedingInvoices = [PrecedingInvoiceReference(number: "FA-2024-0099", issueDate: date(2024, 12, 15))]
        invoice.seller = seller
        invoice.buyer = buyer
        invoice.payee = Payee(
            name: "Affacturage Crédit SA", identifier: Identifier("55512345600017", schemeID: "0009"),
            legalRegistrationIdentifier: Identifier("555123456", schemeID: "0002"))
        var delivery = DeliveryInformation()
        delivery.partyName = "Bureaux Martin, entrepôt"
        delivery.locationIdentifier = Identifier("98765432100023", schemeID: "0009")
        delivery.actualDeliveryDate = date(2025, 1, 10)
        invoice.delivery = delivery
        invoice.invoicingPeriod = Period(startDate: date(2025, 1, 1), endDate: date(2025, 1, 31))
        var payment = PaymentInstructions(meansTypeCode: "58")
        payment.creditTransfers = [CreditTransfer(accountIdentifier: "FR7630006000011234567890189")]
        invoice.paymentInstructions = payment
        invoice.allowances = [
            AllowanceCharge(
                amount: amount("10.00"), vatCategoryCode: "S", vatRate: amount("20.00"),
                reason: "Remise fidélité", reasonCode: "95")
        ]
        invoice.charges = [
            AllowanceCharge(
                amount: amount("5.00"), vatCategoryCode: "S", vatRate: amount("20.00"),
                reason: "Frais de port", reasonCode: "FC")
        ]
        invoice.totals.lineNetTotal = amount("140.00")
        invoice.totals.allowanceTotal = amount("10.00")
        invoice.totals.chargeTotal = amount("5.00")
        invoice.totals.taxExclusiveAmount = amount("135.00")
        invoice.totals.vatTotal = amount("27.00")
        invoice.totals.taxInclusiveAmount = amount("162.00")
        invoice.totals.amountDue = amount("162.00")
        invoice.vatBreakdown = [
            VATBreakdown(
                taxableAmount: amount("135.00"), taxAmount: amount("27.00"), categoryCode: "S",
                rate: amount("20.00"))
        ]
        invoice.supportingDocuments = [
            SupportingDocument(reference: "ANNEXE-1", description: "DOCUMENT_ANNEXE", typeCode: "916")
        ]
        invoice.lines = lines
        return invoice
    }
}
