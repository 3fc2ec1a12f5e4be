/// A complete, valid French B2B invoice built in memory: for the tour in the README, the benchmark and tests.
public enum SampleInvoice {
    /// An invoice with `lineCount` lines, totals computed by `InvoiceCalculator`.
    public static func make(lineCount: Int = 10, number: String = "FA-2026-00042") -> Invoice {
        // The draft is handed to the calculator as a temporary, so that it completes it in place (a named
        // variable would be copied, and its lines array with it).
        InvoiceCalculator().complete(draft(lineCount: lineCount, number: number))
    }

    /// The invoice as an ERP knows it: parties, terms, lines with quantities and prices; no amounts computed.
    static func draft(lineCount: Int, number: String) -> Invoice {
        var invoice = Invoice()
        invoice.number = number
        invoice.issueDate = CalendarDate(year: 2026, month: 11, day: 2)
        invoice.dueDate = CalendarDate(year: 2026, month: 12, day: 2)
        invoice.typeCode = "380"
        invoice.currencyCode = "EUR"
        invoice.buyerReference = "SERVICE-ACHATS"
        invoice.purchaseOrderReference = "PO-88123"
        invoice.contractReference = "CT-2026-7"
        invoice.processControl = ProcessControl(businessProcessType: "S1", specificationIdentifier: "urn:cen.eu:en16931:2017")
        invoice.notes = [
            InvoiceNote(text: "B2B", subjectCode: "BAR"),
            InvoiceNote(text: "En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal.", subjectCode: "PMD"),
            InvoiceNote(text: "Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", subjectCode: "PMT"),
            InvoiceNote(text: "Pas d'escompte pour paiement anticipé.", subjectCode: "AAB"),
        ]
        invoice.paymentTerms = "Paiement à 30 jours"

        invoice.seller = seller()
        invoice.buyer = buyer()
        invoice.paymentInstructions = payment(reference: number)
        invoice.lines = lines(count: max(lineCount, 1))
        return invoice
    }

    static func seller() -> Party {
        var seller = Party()
        seller.name = "Atelier Passerelle SAS"
        seller.legalRegistrationIdentifier = Identifier("123456782", schemeID: "0002")
        seller.vatIdentifier = "FR11123456782"
        seller.electronicAddress = Identifier("123456782", schemeID: "0225")
        seller.postalAddress = PostalAddress(countryCode: "FR")
        seller.postalAddress?.line1 = "12 rue des Lilas"
        seller.postalAddress?.city = "Lyon"
        seller.postalAddress?.postCode = "69003"
        seller.contact = Contact(name: "Service facturation", telephone: "+33 4 72 00 00 00", email: "factures@atelier.example")
        return seller
    }

    static func buyer() -> Party {
        var buyer = Party()
        buyer.name = "Compagnie Cliente SA"
        buyer.legalRegistrationIdentifier = Identifier("987654324", schemeID: "0002")
        buyer.vatIdentifier = "FR14987654324"
        buyer.electronicAddress = Identifier("987654324", schemeID: "0225")
        buyer.postalAddress = PostalAddress(countryCode: "FR")
        buyer.postalAddress?.line1 = "1 avenue de la Gare"
        buyer.postalAddress?.city = "Nantes"
        buyer.postalAddress?.postCode = "44000"
        return buyer
    }

    static func payment(reference: String) -> PaymentInstructions {
        var payment = PaymentInstructions(meansTypeCode: "58")
        payment.remittanceInformation = reference
        payment.creditTransfers = [CreditTransfer(accountIdentifier: "FR7630006000011234567890189", accountName: "Atelier Passerelle", serviceProviderIdentifier: "AGRIFRPPXXX")]
        return payment
    }

    static func lines(count: Int) -> [InvoiceLine] {
        let standard = ExactDecimal(mantissa: 2000, fractionDigits: 2)
        let reduced = ExactDecimal(mantissa: 550, fractionDigits: 2)
        var lines: [InvoiceLine] = []
        lines.reserveCapacity(count)
        for index in 1...count {
            let rate = index % 2 == 0 ? standard : reduced
            var item = ItemInformation(name: "Article \(index)")
            item.sellerIdentifier = "REF-\(1000 + index)"
            lines.append(InvoiceLine(
                identifier: String(index),
                quantity: Quantity(ExactDecimal(mantissa: Int128(index % 7 + 1), fractionDigits: 0), unitCode: "C62"),
                netAmount: nil,
                price: PriceDetails(netPrice: ExactDecimal(mantissa: Int128(1250 + index * 37), fractionDigits: 2)),
                vat: LineVATInformation(categoryCode: "S", rate: rate),
                item: item))
        }
        return lines
    }
}
