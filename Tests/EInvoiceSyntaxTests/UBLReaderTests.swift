import EInvoice
import Foundation
import Testing

import EInvoiceSyntax

@Suite("UBL reader")
struct UBLReaderTests {
    @Test("BT-1 maps to cbc:ID with its line, and every term path points at an element")
    func sourceMapOfTheNumber() throws {
        let parsed = try UBLTestSupport.parse(try UBLTestSupport.bytes("en16931/ubl/ubl-tc434-example1.xml"))
        let index = try #require(parsed.sourceMap["BT-1"])
        #expect(parsed.tree[index].localName == "ID")
        #expect(parsed.tree[index].namespace == Namespaces.ublCBC)
        #expect(parsed.tree[index].line == 16)
        #expect(parsed.tree[index].text == "12115118")
        #expect(parsed.tree.xpath(of: index) == "/Invoice/cbc:ID")
        let lineAmount = try #require(parsed.sourceMap["BG-25[1]/BT-131"])
        #expect(parsed.tree[lineAmount].localName == "LineExtensionAmount")
        #expect(parsed.tree[lineAmount].text == parsed.invoice.lines[1].netAmount?.description)
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-4/BG-5/BT-40"])].text == "NL")
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-23[0]/BT-117"])].localName == "TaxAmount")
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-25[0]"])].localName == "InvoiceLine")
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-25[0]/BG-31/BT-153"])].localName == "Name")
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-25[0]/BG-29/BT-146"])].localName == "PriceAmount")
    }

    @Test("term paths of the maximum content example")
    func sourceMapOfGroups() throws {
        let parsed = try UBLTestSupport.parse(try UBLTestSupport.bytes("en16931/ubl-testfiles/Invoice-Max_content.xml"))
        let expected: [String: String] = [
            "BG-2/BT-24": "CustomizationID", "BG-2/BT-23": "ProfileID", "BT-2": "IssueDate", "BT-9": "DueDate",
            "BG-1[0]/BT-22": "Note", "BG-3[1]/BT-25": "ID", "BT-18": "ID", "BG-24[0]/BT-122": "ID",
            "BG-4/BT-34": "EndpointID", "BG-4/BT-29[1]": "ID", "BG-4/BT-31": "CompanyID", "BG-4/BT-32": "CompanyID",
            "BG-4/BG-6/BT-43": "ElectronicMail", "BG-7/BG-8/BT-163": "Line", "BG-10/BT-59": "Name",
            "BG-11/BG-12/BT-69": "IdentificationCode", "BG-13/BT-72": "ActualDeliveryDate",
            "BG-14/BT-73": "StartDate", "BG-13/BG-14/BT-73": "StartDate", "BG-16/BT-81": "PaymentMeansCode",
            "BG-16/BG-17[0]/BT-84": "ID", "BG-16/BG-17[0]/BT-86": "ID", "BG-20[0]/BT-92": "Amount", "BG-21[0]/BT-99": "Amount",
            "BG-22/BT-110": "TaxAmount", "BG-22/BT-111": "TaxAmount", "BG-22/BT-115": "PayableAmount",
            "BG-25[0]/BG-26/BT-134": "StartDate", "BG-25[0]/BT-128": "ID", "BG-25[0]/BG-30/BT-151": "ID",
            "BG-25[0]/BG-31/BG-32[0]/BT-160": "Name", "BG-25[0]/BG-29/BT-147": "Amount",
        ]
        for (path, name) in expected.sorted(by: { $0.key < $1.key }) {
            let index = try #require(parsed.sourceMap[path], "no source for \(path)")
            #expect(parsed.tree[index].localName == name, "\(path) points at \(parsed.tree[index].localName)")
        }
        let invoice = parsed.invoice
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-22/BT-111"])].attributes.first?.value
            == invoice.vatAccountingCurrencyCode)
    }

    @Test("the plain EN 16931 examples leave nothing unread")
    func notCarriedIsEmptyForPlainExamples() throws {
        let files = try UBLTestSupport.ublFiles().filter { $0.hasPrefix("en16931/ubl/ubl-tc434") }
        #expect(files.count >= 10)
        // The one exception: example 5 names its seller tax scheme (BT-32) `LOC`. EN 16931 has no term for
        // that scheme id, and the writer puts `TAX` there, so the reader says it is not carried.
        let exceptions = [
            "en16931/ubl/ubl-tc434-example5.xml":
                ["/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[2]/cac:TaxScheme/cbc:ID"]
        ]
        for file in files {
            let parsed = try UBLTestSupport.parse(try UBLTestSupport.bytes(file))
            #expect(parsed.notCarried == exceptions[file, default: []], "\(file): \(parsed.notCarried)")
        }
    }

    @Test("extensions and UBL-only elements are listed as not carried")
    func notCarriedListsExtensions() throws {
        let extensions = """
            <ext:UBLExtensions xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">\
            <ext:UBLExtension><ext:ExtensionContent><cbc:Note>inside</cbc:Note></ext:ExtensionContent>\
            </ext:UBLExtension></ext:UBLExtensions><cbc:UBLVersionID>2.1</cbc:UBLVersionID>
            """
        let document = minimalInvoice(extra: extensions, before: "ID")
            .replacingOccurrences(of: "<cac:Item>", with: "<cac:Item><cbc:Keyword>pen</cbc:Keyword>")
        let parsed = try UBLTestSupport.parse(document)
        #expect(parsed.notCarried == [
            "/Invoice/ext:UBLExtensions", "/Invoice/cbc:UBLVersionID", "/Invoice/cac:InvoiceLine/cac:Item/cbc:Keyword",
        ])
        // The note inside the extension is not an invoice note.
        #expect(parsed.invoice.notes.isEmpty)

        let maximum = try UBLTestSupport.parse(try UBLTestSupport.bytes("en16931/ubl-testfiles/Invoice-Max_content.xml"))
        #expect(maximum.notCarried == ["/Invoice/cbc:UBLVersionID"])
    }

    @Test("a credit note with card, mandate, creditor id and due date in its payment means")
    func creditNotePayment() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
            <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
            <cbc:ID>CN-7</cbc:ID>
            <cbc:IssueDate>2024-03-01</cbc:IssueDate>
            <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
            <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
            <cac:OrderReference><cbc:ID>NA</cbc:ID><cbc:SalesOrderID>SO-9</cbc:SalesOrderID></cac:OrderReference>
            <cac:AdditionalDocumentReference><cbc:ID>PRJ-4</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>
            <cac:AccountingSupplierParty><cac:Party>
            <cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>
            <cac:PartyLegalEntity><cbc:RegistrationName>Seller</cbc:RegistrationName></cac:PartyLegalEntity>
            </cac:Party></cac:AccountingSupplierParty>
            <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Buyer</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
            <cac:PaymentMeans>
            <cbc:PaymentMeansCode name="Direct debit">59</cbc:PaymentMeansCode>
            <cbc:PaymentDueDate>2024-04-15</cbc:PaymentDueDate>
            <cbc:PaymentID>REF 42</cbc:PaymentID>
            <cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID><cbc:HolderName>J. Doe</cbc:HolderName></cac:CardAccount>
            <cac:PaymentMandate><cbc:ID>M-1</cbc:ID><cac:PayerFinancialAccount><cbc:ID>DE02120300000000202051</cbc:ID></cac:PayerFinancialAccount></cac:PaymentMandate>
            </cac:PaymentMeans>
            <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">10.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
            <cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="C62">2</cbc:CreditedQuantity>
            <cbc:LineExtensionAmount currencyID="EUR">10.00</cbc:LineExtensionAmount>
            <cac:Item><cbc:Name>Thing</cbc:Name></cac:Item>
            <cac:Price><cbc:PriceAmount currencyID="EUR">5.00</cbc:PriceAmount></cac:Price></cac:CreditNoteLine>
            </CreditNote>
            """
        let parsed = try UBLTestSupport.parse(document)
        let invoice = parsed.invoice
        #expect(parsed.syntax == .ublCreditNote)
        #expect(invoice.dueDate == CalendarDate(year: 2024, month: 4, day: 15))
        #expect(invoice.projectReference == "PRJ-4")
        #expect(invoice.purchaseOrderReference == nil, "NA only stands in for a missing order id")
        #expect(invoice.salesOrderReference == "SO-9")
        #expect(invoice.supportingDocuments.isEmpty)
        #expect(invoice.seller.identifiers.isEmpty)
        let payment = try #require(invoice.paymentInstructions)
        #expect(payment.meansTypeCode == "59")
        #expect(payment.meansText == "Direct debit")
        #expect(payment.remittanceInformation == "REF 42")
        #expect(payment.card == PaymentCard(primaryAccountNumber: "1234", holderName: "J. Doe"))
        #expect(payment.directDebit == DirectDebit(
            mandateReference: "M-1", creditorIdentifier: "DE98ZZZ09999999999",
            debitedAccountIdentifier: "DE02120300000000202051"))
        #expect(invoice.lines.first?.quantity == Quantity(2, unitCode: "C62"))
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-16/BG-19/BT-90"])].text == "DE98ZZZ09999999999")
        #expect(parsed.tree[try #require(parsed.sourceMap["BG-16/BG-18/BT-87"])].text == "1234")
        #expect(parsed.tree[try #require(parsed.sourceMap["BT-9"])].localName == "PaymentDueDate")
        #expect(parsed.tree[try #require(parsed.sourceMap["BT-11"])].text == "PRJ-4")
        // The card network has no EN 16931 term.
        #expect(parsed.notCarried == ["/CreditNote/cac:PaymentMeans/cac:CardAccount/cbc:NetworkID"])

        let again = try UBLTestSupport.parse(UBLWriter().write(invoice))
        #expect(again.syntax == .ublCreditNote)
        #expect(again.invoice == invoice)
        let asInvoice = try UBLTestSupport.parse(UBLWriter().write(invoice, asCreditNote: false))
        #expect(asInvoice.syntax == .ublInvoice)
        #expect(asInvoice.invoice == invoice)
        #expect(asInvoice.tree[try #require(asInvoice.sourceMap["BT-11"])].qualifiedName == "cbc:ID")
        #expect(asInvoice.tree.xpath(of: try #require(asInvoice.sourceMap["BT-9"])) == "/Invoice/cbc:DueDate")
    }

    @Test("a note carries its subject code as #CODE#text, both ways")
    func noteSubjectCode() throws {
        let document = minimalInvoice(extra: "<cbc:Note>#AAI#Goods remain ours until paid</cbc:Note>"
            + "<cbc:Note>Plain note</cbc:Note><cbc:Note>##Not a code</cbc:Note>", before: "DocumentCurrencyCode")
        let parsed = try UBLTestSupport.parse(document)
        #expect(parsed.invoice.notes == [
            InvoiceNote(text: "Goods remain ours until paid", subjectCode: "AAI"),
            InvoiceNote(text: "Plain note"),
            InvoiceNote(text: "##Not a code"),
        ])
        #expect(parsed.sourceMap["BG-1[0]/BT-21"] != nil)
        #expect(parsed.sourceMap["BG-1[1]/BT-21"] == nil)
        let text = String(decoding: UBLWriter().write(parsed.invoice), as: UTF8.self)
        #expect(text.contains("<cbc:Note>#AAI#Goods remain ours until paid</cbc:Note>"))
    }

    @Test("a credit note reads BT-9 from the payment means and BT-11 from a document of type 50")
    func creditNoteSpecifics() throws {
        let parsed = try UBLTestSupport.parse(try UBLTestSupport.bytes("en16931/ubl-testfiles/CreditNote-Max_content.xml"))
        #expect(parsed.syntax == .ublCreditNote)
        #expect(parsed.invoice.typeCode == "381")
        #expect(parsed.invoice.projectReference == "11111111")
        #expect(parsed.invoice.invoicedObjectIdentifier == Identifier("ABC123", schemeID: "VT"))
        #expect(parsed.invoice.supportingDocuments.map(\.reference) == ["MT123", "Time report 1", "Example 1"])
        #expect(parsed.invoice.supportingDocuments[1].attachment?.base64Content == "01234567")
        #expect(parsed.invoice.supportingDocuments[2].externalLocation == "http://www.example.com/index.html")
        #expect(parsed.invoice.tenderOrLotReference == "Tender 2017-12, lot no. 3")
        #expect(parsed.invoice.seller.taxRegistrationIdentifier == "Godkänd för F-skatt")
        #expect(parsed.invoice.seller.vatIdentifier == "SE123456789001")
        #expect(parsed.invoice.seller.identifiers == [Identifier("7350000001204", schemeID: "0088"), Identifier("BilateralID")])
        #expect(parsed.invoice.lines.allSatisfy { $0.quantity != nil })
    }

    @Test("the VAT total in the accounting currency is BT-111, the other BT-110 with the breakdown")
    func taxTotalsByCurrency() throws {
        let parsed = try UBLTestSupport.parse(try UBLTestSupport.bytes("en16931/ubl-testfiles/Invoice-Max_content.xml"))
        let invoice = parsed.invoice
        #expect(invoice.currencyCode == "SEK")
        #expect(invoice.vatAccountingCurrencyCode == "EUR")
        #expect(invoice.totals.vatTotal != nil)
        #expect(invoice.totals.vatTotalInAccountingCurrency != nil)
        #expect(!invoice.vatBreakdown.isEmpty)
        let written = String(decoding: UBLWriter().write(invoice), as: UTF8.self)
        #expect(written.contains("<cbc:TaxAmount currencyID=\"EUR\">\(invoice.totals.vatTotalInAccountingCurrency?.description ?? "?")</cbc:TaxAmount>"))
    }

    @Test("an empty cac:InvoicePeriod is an empty BG-14; one with only the VAT point date code (BT-8) is no BG-14")
    func invoicePeriodWithoutDates() throws {
        let empty = try UBLTestSupport.parse(
            minimalInvoice(extra: "<cac:InvoicePeriod></cac:InvoicePeriod>"))
        #expect(empty.invoice.invoicingPeriod == Period())
        #expect(empty.invoice.taxPointDateCode == nil)
        #expect(empty.sourceMap["BG-14"] != nil)
        let codeOnly = try UBLTestSupport.parse(
            minimalInvoice(
                extra: "<cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>"))
        #expect(codeOnly.invoice.invoicingPeriod == nil)
        #expect(codeOnly.invoice.taxPointDateCode == "35")
        let dated = try UBLTestSupport.parse(
            minimalInvoice(
                extra: "<cac:InvoicePeriod><cbc:EndDate>2024-02-29</cbc:EndDate></cac:InvoicePeriod>"))
        #expect(dated.invoice.invoicingPeriod == Period(startDate: nil, endDate: CalendarDate(text: "2024-02-29")))
    }

    @Test("a supplier party without cac:Party is recorded as the seller group")
    func supplierWithoutParty() throws {
        let text = minimalInvoice().replacingOccurrences(
            of: "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Seller"
                + "</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>",
            with: "<cac:AccountingSupplierParty></cac:AccountingSupplierParty>")
        let parsed = try UBLTestSupport.parse(text)
        let seller = try #require(parsed.sourceMap["BG-4"])
        #expect(parsed.tree[seller].localName == "AccountingSupplierParty")
        #expect(parsed.invoice.seller.name.isEmpty)
        let withParty = try UBLTestSupport.parse(minimalInvoice())
        #expect(withParty.sourceMap["BG-4"].map { withParty.tree[$0].localName } == "Party")
    }

    // MARK: errors

    @Test("a bad amount names the term, the line and the column")
    func badAmount() throws {
        let bad = minimalInvoice(line: "<cbc:LineExtensionAmount currencyID=\"EUR\">12,50</cbc:LineExtensionAmount>")
        do {
            _ = try UBLTestSupport.parse(bad)
            Issue.record("a bad amount was accepted")
        } catch let error as InvoiceReadError {
            #expect(error.message.contains("BT-131"), "\(error)")
            #expect(error.message.contains("Invoice line net amount"), "\(error)")
            #expect(error.message.contains("12,50"), "\(error)")
            let expectedLine = bad.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("12,50") }.map { $0 + 1 }
            #expect(error.line == expectedLine)
            #expect(error.column == 3)
            #expect(error.xpath == "/Invoice/cac:InvoiceLine/cbc:LineExtensionAmount")
        }
    }

    @Test("a bad date names the term and where it is")
    func badDate() throws {
        let bad = minimalInvoice().replacingOccurrences(
            of: "<cbc:IssueDate>2024-03-01</cbc:IssueDate>", with: "<cbc:IssueDate>2024-02-30</cbc:IssueDate>")
        #expect(throws: InvoiceReadError.self) { try UBLTestSupport.parse(bad) }
        do {
            _ = try UBLTestSupport.parse(bad)
        } catch let error as InvoiceReadError {
            #expect(error.message.contains("BT-2 (Invoice issue date)"), "\(error)")
            #expect(error.line == 4)
            #expect(error.xpath == "/Invoice/cbc:IssueDate")
        }
    }

    @Test("a document that is not UBL is refused")
    func wrongRoot() throws {
        let tree = try SafeXMLParser().parse("<Invoice xmlns=\"urn:example\"><ID>1</ID></Invoice>")
        #expect(throws: InvoiceReadError.self) { try UBLReader().read(tree) }
    }

    /// A small valid invoice; `extra` goes before the element named `before`, `line` replaces the line amount.
    func minimalInvoice(extra: String = "", before: String = "DocumentCurrencyCode", line: String? = nil) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
            <cbc:ID>INV-1</cbc:ID>
            <cbc:IssueDate>2024-03-01</cbc:IssueDate>
            <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
            <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
            <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Seller</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
            <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Buyer</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
            <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">12.50</cbc:PayableAmount></cac:LegalMonetaryTotal>
            <cac:InvoiceLine>
              <cbc:ID>1</cbc:ID>
              <cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>
              <cbc:LineExtensionAmount currencyID="EUR">12.50</cbc:LineExtensionAmount>
              <cac:Item><cbc:Name>Thing</cbc:Name></cac:Item>
              <cac:Price><cbc:PriceAmount currencyID="EUR">12.50</cbc:PriceAmount></cac:Price>
            </cac:InvoiceLine>
            </Invoice>
            """
        if !extra.isEmpty, let range = text.range(of: "<cbc:\(before)>") {
            text.insert(contentsOf: extra, at: range.lowerBound)
        }
        if let line {
            text = text.replacingOccurrences(
                of: "<cbc:LineExtensionAmount currencyID=\"EUR\">12.50</cbc:LineExtensionAmount>", with: line)
        }
        return text
    }
}
