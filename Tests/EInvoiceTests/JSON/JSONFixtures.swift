import EInvoice
import Foundation

/// Invoices and payloads for the JSON tests.
enum JSONFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(relativePath)))
    }

    static func decimal(_ text: String) -> ExactDecimal {
        (try? ExactDecimal(parsing: text)) ?? .zero
    }

    /// An invoice with every term of the model filled in, so that every key is written and read.
    static func everyTerm() -> Invoice {
        var invoice = SampleInvoice.make(lineCount: 2)
        invoice.vatAccountingCurrencyCode = "USD"
        invoice.taxPointDate = CalendarDate(year: 2026, month: 10, day: 31)
        invoice.taxPointDateCode = "3"
        invoice.projectReference = "PRJ-1"
        invoice.salesOrderReference = "SO-1"
        invoice.receivingAdviceReference = "RA-1"
        invoice.despatchAdviceReference = "DA-1"
        invoice.tenderOrLotReference = "LOT-1"
        invoice.invoicedObjectIdentifier = Identifier("OBJ-1", schemeID: "AAA")
        invoice.buyerAccountingReference = "6061"
        invoice.precedingInvoices = [PrecedingInvoiceReference(number: "FA-2026-00001", issueDate: CalendarDate(year: 2026, month: 1, day: 5))]
        invoice.seller.tradingName = "Atelier"
        invoice.seller.identifiers = [Identifier("12345678200010", schemeID: "0009"), Identifier("GLN-1")]
        invoice.seller.taxRegistrationIdentifier = "TR-1"
        invoice.seller.additionalLegalInformation = "SAS au capital de 10 000 EUR"
        invoice.seller.postalAddress?.line2 = "Bâtiment B"
        invoice.seller.postalAddress?.line3 = "3e étage"
        invoice.seller.postalAddress?.countrySubdivision = "Rhône"
        invoice.buyer.contact = Contact(name: "Achats", telephone: nil, email: "achats@cliente.example")
        invoice.payee = Payee(name: "Affactureur SA", identifier: Identifier("PAYEE-1", schemeID: "0088"),
                              legalRegistrationIdentifier: Identifier("111222333", schemeID: "0002"))
        var representativeAddress = PostalAddress(countryCode: "FR")
        representativeAddress.city = "Paris"
        invoice.sellerTaxRepresentative = TaxRepresentative(name: "Représentant", vatIdentifier: "FR22333444555",
                                                            postalAddress: representativeAddress)
        var delivery = DeliveryInformation()
        delivery.partyName = "Entrepôt"
        delivery.locationIdentifier = Identifier("LOC-1", schemeID: "0088")
        delivery.actualDeliveryDate = CalendarDate(year: 2026, month: 10, day: 30)
        delivery.address = PostalAddress(countryCode: "FR")
        invoice.delivery = delivery
        invoice.invoicingPeriod = Period(startDate: CalendarDate(year: 2026, month: 10, day: 1),
                                         endDate: CalendarDate(year: 2026, month: 10, day: 31))
        invoice.paymentInstructions?.meansText = "Virement"
        invoice.paymentInstructions?.card = PaymentCard(primaryAccountNumber: "1234", holderName: "M. Client")
        invoice.paymentInstructions?.directDebit = DirectDebit(mandateReference: "MANDAT-1", creditorIdentifier: "FR12ZZZ123456",
                                                                debitedAccountIdentifier: "FR7612345")
        invoice.paymentInstructions?.creditTransfers[0].isProprietaryIdentifier = true
        invoice.allowances = [AllowanceCharge(amount: decimal("10.00"), baseAmount: decimal("100.00"), percentage: decimal("10"),
                                              vatCategoryCode: "S", vatRate: decimal("20.00"), reason: "Remise", reasonCode: "95")]
        invoice.charges = [AllowanceCharge(amount: decimal("5.00"), vatCategoryCode: "S", vatRate: decimal("20.00"),
                                           reason: "Port", reasonCode: "FC")]
        invoice.totals.allowanceTotal = decimal("10.00")
        invoice.totals.chargeTotal = decimal("5.00")
        invoice.totals.vatTotalInAccountingCurrency = decimal("12.34")
        invoice.totals.paidAmount = decimal("0.00")
        invoice.totals.roundingAmount = decimal("0.00")
        invoice.vatBreakdown.append(VATBreakdown(taxableAmount: decimal("0.00"), taxAmount: decimal("0.00"), categoryCode: "E",
                                                 rate: decimal("0"), exemptionReason: "Exonération", exemptionReasonCode: "VATEX-EU-132"))
        invoice.supportingDocuments = [
            SupportingDocument(reference: "BL-1", description: "Bon de livraison", externalLocation: "https://docs.example/bl-1",
                               attachment: BinaryObject(base64Content: "SGVsbG8=", mimeCode: "application/pdf", filename: "bl-1.pdf"),
                               typeCode: "916")
        ]
        var line = invoice.lines[0]
        line.note = "Note de ligne"
        line.objectIdentifier = Identifier("SN-1", schemeID: "ABZ")
        line.purchaseOrderLineReference = "10"
        line.buyerAccountingReference = "6061-1"
        line.period = Period(startDate: CalendarDate(year: 2026, month: 10, day: 1), endDate: nil)
        line.allowances = [AllowanceCharge(amount: decimal("1.00"), reason: "Remise ligne", reasonCode: "95")]
        line.charges = [AllowanceCharge(amount: decimal("1.00"), reason: "Emballage", reasonCode: "ABL")]
        line.price.discount = decimal("0.50")
        line.price.grossPrice = decimal("13.37")
        line.price.baseQuantity = Quantity(decimal("1"), unitCode: "C62")
        line.item.description = "Description"
        line.item.buyerIdentifier = "ACH-1"
        line.item.standardIdentifier = Identifier("03456789012345", schemeID: "0160")
        line.item.classifications = [ItemClassification(code: "4412", listID: "STI", listVersionID: "1")]
        line.item.countryOfOrigin = "FR"
        line.item.attributes = [ItemAttribute(name: "Couleur", value: "Bleu")]
        invoice.lines[0] = line
        return invoice
    }

    /// The canonical JSON of `SampleInvoice.make(lineCount: 1)` as a mutable object, to break one field at a time.
    static func sampleObject(lineCount: Int = 4) throws -> [String: Any] {
        let bytes = InvoiceJSON.encode(SampleInvoice.make(lineCount: lineCount))
        return (try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]) ?? [:]
    }

    static func bytes(_ object: [String: Any]) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: object))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The failure of a payload, or nil when it decodes.
    static func failure(_ bytes: [UInt8], limits: InvoiceJSON.Limits = InvoiceJSON.Limits()) -> InvoiceJSON.Failure? {
        do {
            _ = try InvoiceJSON.decode(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }
}
