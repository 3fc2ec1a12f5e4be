import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@Suite("CII writer: profiles and what they drop")
struct CIIWriterTests {
    static let fullExample = "en16931/cii/CII_example5.xml"

    static func reread(_ bytes: [UInt8]) throws -> ParsedInvoice {
        try CIIReader().read(try SafeXMLParser().parse(bytes))
    }

    @Test("without a profile the one named by BT-24 is used, and EN 16931 drops nothing")
    func profileFromBT24() throws {
        let invoice = try CIICorpus.parsed(Self.fullExample).invoice
        let output = CIIWriter().output(invoice)
        #expect(output.profile == .en16931)
        #expect(output.dropped.isEmpty)
        #expect(try Self.reread(output.bytes).invoice == invoice)
    }

    @Test("MINIMUM keeps the header essentials and drops the lines and the rest")
    func minimum() throws {
        let invoice = try CIICorpus.parsed(Self.fullExample).invoice
        let output = CIIWriter().output(invoice, profile: .minimum)
        let back = try Self.reread(output.bytes).invoice
        #expect(back.processControl.specificationIdentifier == "urn:factur-x.eu:1p0:minimum")
        #expect(back.lines.isEmpty)
        #expect(back.number == invoice.number)
        #expect(back.seller.vatIdentifier == invoice.seller.vatIdentifier)
        #expect(back.seller.postalAddress == PostalAddress(countryCode: "NL"))
        #expect(back.totals.amountDue == invoice.totals.amountDue)
        #expect(back.totals.lineNetTotal == nil)
        #expect(back.vatBreakdown.isEmpty)
        #expect(output.dropped.contains("BG-25"))
        #expect(output.dropped.contains("BG-23"))
        #expect(output.dropped.contains("BT-35"))
        // A dropped group is listed once, not term by term.
        #expect(!output.dropped.contains("BT-126"))
        #expect(!output.dropped.contains("BT-41"))
        #expect(CIIWriter.dropped(for: invoice, profile: .minimum) == output.dropped)
    }

    @Test("BASIC WL drops the lines and the terms its schema lacks")
    func basicWL() throws {
        let invoice = try CIICorpus.parsed(Self.fullExample).invoice
        let output = CIIWriter().output(invoice, profile: .basicWL)
        #expect(
            output.dropped == [
                "BG-6", "BG-9", "BG-24", "BG-25", "BT-7", "BT-11", "BT-14", "BT-15", "BT-33", "BT-45", "BT-82",
            ])
        let back = try Self.reread(output.bytes).invoice
        #expect(back.lines.isEmpty)
        #expect(back.seller.contact == nil)
        #expect(back.paymentInstructions?.creditTransfers.count == 2)
        #expect(back.vatBreakdown == invoice.vatBreakdown)
    }

    @Test("BASIC keeps lines but only their BASIC terms")
    func basic() throws {
        let invoice = try CIICorpus.parsed("en16931/cii/CII_example2.xml").invoice
        let output = CIIWriter().output(invoice, profile: .basic)
        #expect(output.dropped.contains("BT-154"))
        #expect(output.dropped.contains("BG-32"))
        #expect(!output.dropped.contains("BG-25"))
        let back = try Self.reread(output.bytes).invoice
        #expect(back.lines.count == invoice.lines.count)
        #expect(back.lines.map(\.netAmount) == invoice.lines.map(\.netAmount))
        #expect(back.lines.allSatisfy { $0.item.description == nil && $0.item.attributes.isEmpty })
    }

    @Test("EXTENDED writes every EN 16931 term and names its profile")
    func extended() throws {
        let invoice = try CIICorpus.parsed(Self.fullExample).invoice
        let output = CIIWriter().output(invoice, profile: .extended)
        #expect(output.dropped.isEmpty)
        var expected = invoice
        expected.processControl.specificationIdentifier = FacturXProfile.extended.guidelineID
        #expect(try Self.reread(output.bytes).invoice == expected)
    }

    @Test("an unknown BT-24 is kept and everything is written")
    func unknownGuideline() throws {
        var invoice = try CIICorpus.parsed(Self.fullExample).invoice
        invoice.processControl.specificationIdentifier = "urn:example:custom"
        let output = CIIWriter().output(invoice)
        #expect(output.profile == nil)
        #expect(try Self.reread(output.bytes).invoice == invoice)
    }

    @Test("a built invoice is written in schema order with escaped text")
    func builtInvoice() throws {
        var invoice = Invoice()
        invoice.number = "A&B <1>"
        invoice.issueDate = CalendarDate(year: 2024, month: 2, day: 29)
        invoice.currencyCode = "EUR"
        invoice.processControl.specificationIdentifier = FacturXProfile.en16931.guidelineID
        invoice.seller.name = "Seller \"quoted\""
        invoice.seller.identifiers = [Identifier("A"), Identifier("B", schemeID: "0088"), Identifier("C")]
        invoice.totals.vatTotal = try ExactDecimal(parsing: "1.50")
        invoice.totals.vatTotalInAccountingCurrency = try ExactDecimal(parsing: "1.23")
        invoice.vatAccountingCurrencyCode = "GBP"
        invoice.supportingDocuments = [
            SupportingDocument(
                reference: "plain",
                attachment: BinaryObject(
                    base64Content: String(repeating: "QUJD", count: 1000), mimeCode: "text/csv", filename: "a.csv")),
            SupportingDocument(
                reference: "odd",
                attachment: BinaryObject(base64Content: "a&b<c", mimeCode: "text/csv", filename: "b.csv")),
        ]
        let text = String(decoding: CIIWriter().write(invoice), as: UTF8.self)
        #expect(text.contains("<ram:ID>A&amp;B &lt;1&gt;</ram:ID>"))
        #expect(text.contains("<udt:DateTimeString format=\"102\">20240229</udt:DateTimeString>"))
        #expect(
            text.contains(
                "<ram:TaxTotalAmount currencyID=\"EUR\">1.50</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID=\"GBP\">1.23</ram:TaxTotalAmount>"
            ))
        // Identifiers keep their order: B has a scheme but C after it has none, so all three are ram:ID.
        #expect(text.contains("<ram:ID>A</ram:ID><ram:ID schemeID=\"0088\">B</ram:ID><ram:ID>C</ram:ID><ram:Name>"))
        #expect(
            text.contains(
                "<ram:AttachmentBinaryObject mimeCode=\"text/csv\" filename=\"b.csv\">a&amp;b&lt;c</ram:AttachmentBinaryObject>"
            ))
        #expect(text.contains(">\(String(repeating: "QUJD", count: 1000))</ram:AttachmentBinaryObject>"))
        var expected = invoice
        // BG-24 documents are written with type code 916 and read back with it.
        for index in expected.supportingDocuments.indices { expected.supportingDocuments[index].typeCode = "916" }
        #expect(try Self.reread(Array(text.utf8)).invoice == expected)
    }
}
