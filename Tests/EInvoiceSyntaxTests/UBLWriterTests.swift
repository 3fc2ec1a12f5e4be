import EInvoice
import Foundation
import Testing

import EInvoiceSyntax

@Suite("UBL writer")
struct UBLWriterTests {
    @Test("amounts keep their fraction digits and every amount carries its currency")
    func amountsAndCurrencies() throws {
        for file in ["en16931/ubl-testfiles/Invoice-Max_content.xml", "en16931/ubl-testfiles/CreditNote-Max_content.xml",
                     "en16931/ubl/ubl-tc434-example2.xml"] {
            let source = try UBLTestSupport.parse(try UBLTestSupport.bytes(file))
            let written = try SafeXMLParser().parse(UBLWriter().write(source.invoice))
            var amounts = 0
            for index in written.elements.indices where written[index].localName.hasSuffix("Amount") {
                amounts += 1
                let currency = written.attribute("currencyID", of: index)
                #expect(currency?.count == 3, "\(file): <\(written[index].qualifiedName)> has no currencyID")
            }
            #expect(amounts > 10)
            // The text of every amount is the text of the source, digit for digit.
            let sourceAmounts = source.tree.elements.filter { $0.localName.hasSuffix("Amount") }.map { $0.text.trimmingWhitespace() }
            let writtenAmounts = written.elements.filter { $0.localName.hasSuffix("Amount") }.map(\.text)
            #expect(Set(writtenAmounts).isSubset(of: Set(sourceAmounts)), "\(file): amounts were rewritten")
        }
    }

    @Test("BT-111 is written in the VAT accounting currency, the rest in the invoice currency")
    func accountingCurrency() throws {
        var invoice = Invoice()
        invoice.number = "X-1"
        invoice.currencyCode = "USD"
        invoice.vatAccountingCurrencyCode = "EUR"
        invoice.totals.vatTotal = try ExactDecimal(parsing: "19.00")
        invoice.totals.vatTotalInAccountingCurrency = try ExactDecimal(parsing: "17.5")
        invoice.totals.amountDue = try ExactDecimal(parsing: "119.00")
        let text = String(decoding: UBLWriter().write(invoice), as: UTF8.self)
        #expect(text.contains("<cac:TaxTotal><cbc:TaxAmount currencyID=\"USD\">19.00</cbc:TaxAmount></cac:TaxTotal>"))
        #expect(text.contains("<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">17.5</cbc:TaxAmount></cac:TaxTotal>"))
        #expect(text.contains("<cbc:PayableAmount currencyID=\"USD\">119.00</cbc:PayableAmount>"))
        let read = try UBLTestSupport.parse(text)
        #expect(read.invoice.totals.vatTotalInAccountingCurrency == invoice.totals.vatTotalInAccountingCurrency)
        #expect(read.invoice.totals.vatTotal == invoice.totals.vatTotal)
    }

    @Test("the document type follows BT-3 unless told otherwise")
    func documentType() throws {
        var invoice = Invoice()
        invoice.number = "CN-1"
        invoice.typeCode = "381"
        #expect(String(decoding: UBLWriter().write(invoice), as: UTF8.self).contains("<CreditNote xmlns=\"\(Namespaces.ublCreditNote)\""))
        #expect(String(decoding: UBLWriter().write(invoice, asCreditNote: false), as: UTF8.self).contains("<Invoice xmlns=\"\(Namespaces.ublInvoice)\""))
        invoice.typeCode = "380"
        #expect(String(decoding: UBLWriter().write(invoice), as: UTF8.self).contains("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>"))
    }

    @Test("sales order only: the order id is NA and reads back as no purchase order")
    func salesOrderOnly() throws {
        var invoice = Invoice()
        invoice.number = "1"
        invoice.salesOrderReference = "SO-1"
        let bytes = UBLWriter().write(invoice)
        #expect(String(decoding: bytes, as: UTF8.self).contains("<cac:OrderReference><cbc:ID>NA</cbc:ID><cbc:SalesOrderID>SO-1</cbc:SalesOrderID></cac:OrderReference>"))
        let read = try UBLTestSupport.parse(bytes).invoice
        #expect(read.purchaseOrderReference == nil)
        #expect(read.salesOrderReference == "SO-1")
    }

    @Test("what UBL needs and EN 16931 lacks: a derived price discount, no CII type code 916, BT-90 with the payee")
    func syntaxOnlyElements() throws {
        var invoice = Invoice()
        invoice.number = "7"
        invoice.currencyCode = "EUR"
        var line = InvoiceLine(
            identifier: "1", quantity: Quantity(1, unitCode: "C62"), netAmount: try ExactDecimal(parsing: "9.50"),
            price: PriceDetails(netPrice: try ExactDecimal(parsing: "9.50"), grossPrice: try ExactDecimal(parsing: "10.00")),
            vat: LineVATInformation(categoryCode: "S", rate: 20), item: ItemInformation(name: "Pen"))
        line.objectIdentifier = Identifier("OBJ-1", schemeID: "AAA")
        invoice.lines = [line]
        invoice.supportingDocuments = [SupportingDocument(reference: "Timesheet", typeCode: "916")]
        invoice.payee = Payee(name: "Factor Ltd")
        var payment = PaymentInstructions(meansTypeCode: "59")
        payment.directDebit = DirectDebit(mandateReference: "M-9", creditorIdentifier: "FR12ZZZ123456")
        invoice.paymentInstructions = payment
        let text = String(decoding: UBLWriter().write(invoice), as: UTF8.self)
        #expect(text.contains("<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID=\"EUR\">0.50</cbc:Amount><cbc:BaseAmount currencyID=\"EUR\">10.00</cbc:BaseAmount></cac:AllowanceCharge>"))
        #expect(text.contains("<cac:AdditionalDocumentReference><cbc:ID>Timesheet</cbc:ID></cac:AdditionalDocumentReference>"))
        #expect(text.contains("<cac:DocumentReference><cbc:ID schemeID=\"AAA\">OBJ-1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference>"))
        #expect(text.contains("<cac:PayeeParty><cac:PartyIdentification><cbc:ID schemeID=\"SEPA\">FR12ZZZ123456</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Factor Ltd</cbc:Name></cac:PartyName></cac:PayeeParty>"))
        let read = try UBLTestSupport.parse(text)
        #expect(read.invoice.paymentInstructions == payment)
        #expect(read.invoice.lines.first?.price.discount == (try ExactDecimal(parsing: "0.50")))
        #expect(read.invoice.lines.first?.objectIdentifier == line.objectIdentifier)
        #expect(read.invoice.supportingDocuments == [SupportingDocument(reference: "Timesheet")])
        #expect(read.tree[try #require(read.sourceMap["BG-16/BG-19/BT-90"])].text == "FR12ZZZ123456")
        #expect(read.notCarried.isEmpty)
    }

    @Test("a VAT breakdown without total VAT (BT-110) gets Σ BT-117 as the cac:TaxTotal amount UBL requires")
    func derivedVATTotal() throws {
        var invoice = Invoice()
        invoice.number = "V-1"
        invoice.currencyCode = "EUR"
        invoice.vatBreakdown = [
            VATBreakdown(
                taxableAmount: try ExactDecimal(parsing: "50.03"), taxAmount: try ExactDecimal(parsing: "10.005"),
                categoryCode: "S", rate: 20),
            VATBreakdown(
                taxableAmount: try ExactDecimal(parsing: "42.54"), taxAmount: try ExactDecimal(parsing: "2.34"),
                categoryCode: "AA", rate: try ExactDecimal(parsing: "5.5")),
        ]
        let text = String(decoding: UBLWriter().write(invoice), as: UTF8.self)
        // 10.005 + 2.34 = 12.345, rounded as the official BR-CO-14 rounds: halves up.
        #expect(text.contains("<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">12.35</cbc:TaxAmount><cac:TaxSubtotal>"))
        #expect(try UBLTestSupport.parse(text).invoice.totals.vatTotal == (try ExactDecimal(parsing: "12.35")))
        // A given BT-110 is written as it is, even when it does not add up.
        invoice.totals.vatTotal = try ExactDecimal(parsing: "12.30")
        let given = String(decoding: UBLWriter().write(invoice), as: UTF8.self)
        #expect(given.contains("<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">12.30</cbc:TaxAmount>"))
    }

    @Test("CII invoices without total VAT convert to UBL that the XSD and the official BR-CO-14 accept")
    func ciiWithoutVATTotalToUBL() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-ubl-vat-total-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var written: [URL] = []
        for file in ["en16931/cii/CII_example7.xml", "en16931/cii/XRechnung-O.xml"] {
            let source = try InvoiceDocumentReader().read(bytes: try UBLTestSupport.bytes(file))
            #expect(source.invoice.totals.vatTotal == nil, "\(file) now has a BT-110: pick another seed")
            #expect(!source.invoice.vatBreakdown.isEmpty)
            let bytes = UBLWriter().write(source.invoice)
            let back = try UBLTestSupport.parse(bytes)
            #expect(back.invoice.totals.vatTotal?.isZero == true, "\(file): BT-110 is not Σ BT-117 = 0")
            let url = folder.appendingPathComponent(file.replacingOccurrences(of: "/", with: "_"))
            try Data(bytes).write(to: url)
            written.append(url)
        }
        let xsd = try UBLTestSupport.validateAgainstXSD(written)
        #expect(xsd.count == written.count && xsd.allSatisfy { $0.hasPrefix("OK ") }, "\(xsd)")
        let fired = try UBLTestSupport.firedRules(written)
        for url in written {
            let rules = try #require(fired[url.path], "no oracle result for \(url.lastPathComponent)")
            #expect(rules.isDisjoint(with: ["BR-CO-14", "BR-CO-15"]), "\(url.lastPathComponent): \(rules.sorted())")
        }
    }

    @Test("a 2,000-line invoice round trips")
    func largeInvoice() throws {
        var invoice = try UBLTestSupport.parse(try UBLTestSupport.bytes("en16931/ubl-testfiles/Invoice-Max_content.xml")).invoice
        let template = invoice.lines
        invoice.lines = (0..<2_000).map { position in
            var line = template[position % template.count]
            line.identifier = String(position + 1)
            return line
        }
        let bytes = UBLWriter().write(invoice)
        let parsed = try UBLReader().read(try SafeXMLParser().parse(bytes))
        #expect(parsed.invoice == invoice)
        #expect(parsed.notCarried.isEmpty)
    }
}
