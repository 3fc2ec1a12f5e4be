import Foundation
import Testing
@testable import EInvoice

@Suite("Invoice JSON: round trips")
struct InvoiceJSONRoundTripTests {
    @Test("the 10-line sample invoice comes back equal, and writes the same bytes again")
    func sampleInvoice() throws {
        let invoice = SampleInvoice.make(lineCount: 10)
        let bytes = InvoiceJSON.encode(invoice)
        let decoded = try InvoiceJSON.decode(bytes)
        #expect(decoded == invoice)
        #expect(InvoiceJSON.encode(decoded) == bytes)
        #expect(InvoiceJSON.encode(decoded, pretty: true) == InvoiceJSON.encode(invoice, pretty: true))
    }

    @Test("an invoice with every term filled in comes back equal, with every key of the model written")
    func everyTerm() throws {
        let invoice = JSONFixtures.everyTerm()
        let bytes = InvoiceJSON.encode(invoice, pretty: true)
        let decoded = try InvoiceJSON.decode(bytes)
        #expect(decoded == invoice)
        #expect(InvoiceJSON.encode(decoded, pretty: true) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let keys = Invoice.CodingKeys.allCases.map(\.stringValue) + Party.CodingKeys.allCases.map(\.stringValue)
            + InvoiceLine.CodingKeys.allCases.map(\.stringValue) + ItemInformation.CodingKeys.allCases.map(\.stringValue)
            + PaymentInstructions.CodingKeys.allCases.map(\.stringValue) + CreditTransfer.CodingKeys.allCases.map(\.stringValue)
            + DocumentTotals.CodingKeys.allCases.map(\.stringValue) + AllowanceCharge.CodingKeys.allCases.map(\.stringValue)
            + PostalAddress.CodingKeys.allCases.map(\.stringValue) + BinaryObject.CodingKeys.allCases.map(\.stringValue)
        for key in keys {
            #expect(text.contains("\"\(key)\" : "), "key \(key) is not written")
        }
    }

    @Test("the OpenAPI example reads, and our encoder writes it back byte for byte")
    func openAPIExample() throws {
        let bytes = try JSONFixtures.file("openapi/examples/invoice.json")
        let invoice = try InvoiceJSON.decode(bytes)
        #expect(invoice.number == "FA-2026-00042")
        #expect(invoice.lines.count == 3)
        #expect(invoice.totals.amountDue != nil)
        // The example is the encoder's pretty output plus a final line break.
        #expect(InvoiceJSON.encode(invoice, pretty: true) + [0x0A] == bytes)
    }

    @Test("decimals keep their written digits; absent terms are left out")
    func writtenForm() throws {
        var invoice = Invoice()
        invoice.number = "A-1"
        invoice.totals.amountDue = try ExactDecimal(parsing: "1234.50")
        invoice.buyerReference = ""
        let text = String(decoding: InvoiceJSON.encode(invoice), as: UTF8.self)
        #expect(text == #"{"buyerReference":"","number":"A-1","totals":{"amountDue":"1234.50"},"typeCode":"380"}"#)
    }

    @Test("an empty object is the empty invoice: every absent key takes the model's default")
    func emptyObject() throws {
        let invoice = try InvoiceJSON.decode(Array("{}".utf8))
        #expect(invoice == Invoice())
        #expect(invoice.typeCode == "380")
        #expect(invoice.number == "")
        #expect(invoice.lines.isEmpty)
    }

    @Test("null is read as absent")
    func nullIsAbsent() throws {
        let text = #"{"number": "A-1", "buyerReference": null, "lines": null, "seller": null, "typeCode": null, "payee": null}"#
        let invoice = try InvoiceJSON.decode(Array(text.utf8))
        var expected = Invoice()
        expected.number = "A-1"
        #expect(invoice == expected)
    }

    @Test("an identifier may be a plain string; text is trimmed; a byte order mark is ignored")
    func lenientForms() throws {
        let text = "\u{FEFF}" + #"{"number": "  A-1\n", "seller": {"legalRegistrationIdentifier": "123456782", "electronicAddress": {"value": "123456782", "schemeID": "0225"}}}"#
        let invoice = try InvoiceJSON.decode(Array(text.utf8))
        #expect(invoice.number == "A-1")
        #expect(invoice.seller.legalRegistrationIdentifier == Identifier("123456782"))
        #expect(invoice.seller.electronicAddress == Identifier("123456782", schemeID: "0225"))
    }

    @Test("a line without price, VAT or item object gets the model's empty groups")
    func lineDefaults() throws {
        let invoice = try InvoiceJSON.decode(Array(#"{"lines": [{"identifier": "1"}]}"#.utf8))
        let line = try #require(invoice.lines.first)
        #expect(line.identifier == "1")
        #expect(line.price == PriceDetails(netPrice: nil))
        #expect(line.vat == LineVATInformation(categoryCode: ""))
        #expect(line.item == ItemInformation(name: ""))
        #expect(line.quantity == nil)
    }

    @Test("Data and arrays of bytes both decode")
    func dataInput() throws {
        let bytes = InvoiceJSON.encode(SampleInvoice.make(lineCount: 1))
        #expect(try InvoiceJSON.decode(Data(bytes)) == InvoiceJSON.decode(bytes))
    }
}
