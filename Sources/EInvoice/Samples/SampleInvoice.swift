/// A complete, valid French B2B invoice built in memory: for the tour in the README, the benchmark and tests.
public enum SampleInvoice {
    /// An invoice with `lineCount` lines, totals computed by `InvoiceCalculator`.
    public static func make(lineCount: Int = 10, number: String = "FA-2026-00042") -> Invoice {
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

        var seller = Party()
        seller.name = "Atelier Passerelle SAS"
        seller.legalRegistrationIdentifier = Identifier("123456782", schemeID: "0002")
        seller.vatIdentifier = "FR11123456782"
        seller.electronicAddress = Identifier("123456782", schemeID: "0225")
        var sellerAddress = PostalAddress(countryCode: "FR")
        sellerAddress.line1 = "12 rue des Lilas"
        sellerAddress.city = "Lyon"
        sellerAddress.postCode = "69003"
        seller.postalAddress = sellerAddress
        seller.contact = Contact(name: "Service facturation", telephone: "+33 4 72 00 00 00", email: "factures@atelier.example")
        invoice.seller = seller

        var buyer = Party()
        buyer.name = "Compagnie Cliente SA"
        buyer.legalRegistrationIdentifier = Identifier("987654324", schemeID: "0002")
        buyer.vatIdentifier = "FR14987654324"
        buyer.electronicAddress = Identifier("987654324", schemeID: "0225")
        var buyerAddress = PostalAddress(countryCode: "FR")
        buyerAddress.line1 = "1 avenue de la Gare"
        buyerAddress.city = "Nantes"
        buyerAddress.postCode = "44000"
        buyer.postalAddress = buyerAddress
        invoice.buyer = buyer

        var payment = PaymentInstructions(meansTypeCode: "58")
        payment.remittanceInformation = number
        payment.creditTransfers = [CreditTransfer(accountIdentifier: "FR7630006000011234567890189", accountName: "Atelier Passerelle", serviceProviderIdentifier: "AGRIFRPPXXX")]
        invoice.paymentInstructions = payment

        let rates: [(String, ExactDecimal)] = [("S", ExactDecimal(mantissa: 2000, fractionDigits: 2)), ("S", ExactDecimal(mantissa: 550, fractionDigits: 2))]
        invoice.lines = (1...max(lineCount, 1)).map { index in
            let rate = rates[index % rates.count]
            var item = ItemInformation(name: "Article \(index)")
            item.sellerIdentifier = "REF-\(1000 + index)"
            return InvoiceLine(
                identifier: String(index),
                quantity: Quantity(ExactDecimal(mantissa: Int128(index % 7 + 1), fractionDigits: 0), unitCode: "C62"),
                netAmount: nil,
                price: PriceDetails(netPrice: ExactDecimal(mantissa: Int128(1250 + index * 37), fractionDigits: 2)),
                vat: LineVATInformation(categoryCode: rate.0, rate: rate.1),
                item: item)
        }
        return InvoiceCalculator().complete(invoice)
    }
}
