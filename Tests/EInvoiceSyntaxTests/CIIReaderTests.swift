import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@Suite("CII reader: mapping, source map and what is not carried")
struct CIIReaderTests {
    /// 1-based line and column of the first occurrence of `needle` in a corpus file, found in the raw text.
    static func position(of needle: String, in path: String) throws -> (line: Int, column: Int) {
        guard let url = CIICorpus.file(path) else { throw CIICorpus.CorpusMissing() }
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        for (number, text) in lines.enumerated() {
            if let range = text.range(of: needle) {
                return (number + 1, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
        }
        throw CIICorpus.CorpusMissing()
    }

    @Test("BT-1 maps to ExchangedDocument/ID at its line and column")
    func sourceMapOfInvoiceNumber() throws {
        let parsed = try CIICorpus.parsed("en16931/cii/CII_example1.xml")
        let element = try #require(parsed.sourceMap["BT-1"])
        let expected = try Self.position(of: "<ram:ID>12115118</ram:ID>", in: "en16931/cii/CII_example1.xml")
        #expect(parsed.tree.xpath(of: element) == "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID")
        #expect(parsed.tree[element].line == expected.line)
        #expect(parsed.tree[element].column == expected.column)
        #expect(parsed.invoice.number == "12115118")
    }

    @Test("line, group and sub-term paths point at their elements")
    func sourceMapPaths() throws {
        let parsed = try CIICorpus.parsed("en16931/cii/CII_example1.xml")
        let tree = parsed.tree
        let amount = try #require(parsed.sourceMap["BG-25[2]/BT-131"])
        #expect(tree[amount].localName == "LineTotalAmount")
        #expect(tree[amount].text == "8.29")
        #expect(
            tree[amount].line
                == (try Self.position(of: "<ram:LineTotalAmount>8.29", in: "en16931/cii/CII_example1.xml")).line)
        let line = try #require(parsed.sourceMap["BG-25[2]"])
        #expect(tree[line].localName == "IncludedSupplyChainTradeLineItem")
        #expect(tree[try #require(parsed.sourceMap["BG-25[0]/BG-31/BT-153"])].text == "PATAT FRITES 10MM 10KG")
        #expect(tree[try #require(parsed.sourceMap["BG-25[0]/BT-130"])].localName == "BilledQuantity")
        #expect(tree[try #require(parsed.sourceMap["BG-4/BG-5/BT-40"])].localName == "CountryID")
        #expect(tree[try #require(parsed.sourceMap["BG-23[0]/BT-117"])].localName == "CalculatedAmount")
        #expect(tree[try #require(parsed.sourceMap["BG-22/BT-115"])].localName == "DuePayableAmount")
        // Every recorded path points at an element of the document.
        #expect(parsed.sourceMap.values.allSatisfy { $0 > 0 && $0 < tree.elements.count })
    }

    @Test("a fully populated EN 16931 example fills every part of the model")
    func fullMapping() throws {
        let parsed = try CIICorpus.parsed("en16931/cii/CII_example5.xml")
        let invoice = parsed.invoice
        #expect(invoice.notes == [InvoiceNote(text: "Ordered through our website", subjectCode: "AAI")])
        #expect(invoice.vatAccountingCurrencyCode == "EUR")
        #expect(invoice.taxPointDate == CalendarDate(year: 2013, month: 4, day: 10))
        #expect(invoice.projectReference == "Project345")
        #expect(invoice.salesOrderReference == "123")
        #expect(invoice.receivingAdviceReference == "3544")
        #expect(invoice.despatchAdviceReference == "5433")
        #expect(
            invoice.precedingInvoices == [
                PrecedingInvoiceReference(number: "TOSL109", issueDate: CalendarDate(year: 2013, month: 3, day: 10))
            ])
        #expect(invoice.seller.tradingName == "SelCo")
        #expect(invoice.seller.identifiers == [Identifier("5790000436101", schemeID: "0088")])
        #expect(invoice.seller.taxRegistrationIdentifier == "NL16356706")
        #expect(invoice.seller.additionalLegalInformation == "Export")
        #expect(invoice.seller.electronicAddress == Identifier("info@selco.nl", schemeID: "EM"))
        #expect(
            invoice.seller.contact == Contact(name: "Anthon Larsen", telephone: "+3198989898", email: "Anthon@Selco.nl")
        )
        #expect(invoice.buyer.postalAddress?.countrySubdivision == "Jutland")
        #expect(invoice.payee?.name == "Dagobert Duck")
        #expect(invoice.sellerTaxRepresentative?.vatIdentifier == "DK16356609")
        #expect(invoice.delivery?.locationIdentifier == Identifier("5790000436068", schemeID: "0088"))
        #expect(invoice.delivery?.actualDeliveryDate == CalendarDate(year: 2013, month: 4, day: 15))
        let payment = try #require(invoice.paymentInstructions)
        #expect(payment.meansTypeCode == "58")
        #expect(payment.remittanceInformation == "Payref1")
        #expect(payment.creditTransfers.map(\.accountIdentifier) == ["DK1212341234123412", "A"])
        #expect(payment.directDebit == DirectDebit(mandateReference: "123456", creditorIdentifier: "DK5678"))
        #expect(invoice.totals.vatTotalInAccountingCurrency != nil)
        #expect(invoice.supportingDocuments.map(\.reference) == ["Lot567", "OBJ999", "sales slip"])
        #expect(invoice.supportingDocuments.allSatisfy { $0.typeCode == "916" })
        #expect(invoice.lines[0].objectIdentifier == Identifier("Object2"))
        #expect(invoice.lines[0].buyerAccountingReference == "ACC7654")
    }

    @Test("the EXTENDED-only content of an EXTENDED file is reported as not carried")
    func extendedNotCarried() throws {
        let parsed = try CIICorpus.parsed(
            "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushItemChargesAllowances.xml")
        let transaction = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
        let gross = "ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/"
        #expect(
            parsed.notCarried == [
                // The percentage and base of a price discount have no EN 16931 term.
                transaction + "ram:IncludedSupplyChainTradeLineItem[2]/" + gross
                    + "ram:AppliedTradeAllowanceCharge/ram:CalculationPercent",
                transaction + "ram:IncludedSupplyChainTradeLineItem[2]/" + gross
                    + "ram:AppliedTradeAllowanceCharge/ram:BasisAmount",
                // A charge on the gross price, and a second price allowance.
                transaction + "ram:IncludedSupplyChainTradeLineItem[3]/" + gross + "ram:AppliedTradeAllowanceCharge",
                transaction + "ram:IncludedSupplyChainTradeLineItem[4]/" + gross + "ram:AppliedTradeAllowanceCharge[2]",
                transaction
                    + "ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:DefinedTradeContact/ram:FaxUniversalCommunication",
            ])
        // What was carried is still mapped around them.
        #expect(parsed.invoice.lines[3].price.discount == ExactDecimal(1))
        #expect(parsed.invoice.buyer.contact?.email == "contact.testemail@example.org")
    }

    @Test("the EN 16931 examples carry everything, except a gross price base quantity that differs from the net one")
    func en16931ExamplesNotCarried() throws {
        guard let root = CIICorpus.root else { throw CIICorpus.CorpusMissing() }
        let folder = root.appendingPathComponent("en16931/cii")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        #expect(names.count == 15)
        for name in names {
            let parsed = try CIIReader().read(try CIICorpus.tree(folder.appendingPathComponent(name)))
            // CII_example2, CII_business_example_01 and CII_example5 give the gross price a BasisQuantity other
            // than the net price's; EN 16931 has one base quantity (BT-149), taken from the net price.
            let unexplained = parsed.notCarried.filter {
                !$0.hasSuffix("ram:GrossPriceProductTradePrice/ram:BasisQuantity")
            }
            #expect(unexplained.isEmpty, "\(name): \(unexplained)")
            let tree = parsed.tree
            for path in parsed.notCarried {
                let gross = try #require(tree.elements.indices.first { tree.xpath(of: $0) == path })
                let agreement = tree[tree[gross].parent].parent
                let net = try #require(tree.first(from: agreement, ["NetPriceProductTradePrice", "BasisQuantity"]))
                #expect(tree[gross].text != tree[net].text, "\(name): \(path) equals the net one")
            }
        }
    }

    @Test("foreign-namespace and repeated single elements are not carried")
    func foreignAndRepeatedElements() throws {
        let xml = CIISamples.minimal(
            documentExtra: "<ram:ID>SECOND</ram:ID><x:Extra xmlns:x=\"urn:example\">1</x:Extra>")
        let parsed = try CIIReader().read(try SafeXMLParser().parse(xml))
        #expect(parsed.invoice.number == "INV-1")
        #expect(
            parsed.notCarried == [
                "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID[2]",
                "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/x:Extra",
            ])
    }

    @Test("CII-only content the writer would replace is reported: a project name and a second contact point")
    func syntaxOnlyContent() throws {
        let parsed = try CIICorpus.parsed("zugferd/XML-Rechnung/CII/XRECHNUNG_Elektron.cii.xml")
        let agreement = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
        #expect(
            parsed.notCarried == [
                // CII-SR-465: PersonName and DepartmentName both given; BT-41 is the person.
                agreement + "ram:SellerTradeParty/ram:DefinedTradeContact/ram:DepartmentName",
                // "Projekt" is not the filler the writer puts back ("Project reference").
                agreement + "ram:SpecifiedProcuringProject/ram:Name",
            ])
        #expect(parsed.invoice.projectReference != nil)
        let standard = try CIICorpus.parsed("en16931/cii/CII_example5.xml")
        #expect(standard.invoice.projectReference == "Project345")
        #expect(!standard.notCarried.contains { $0.hasSuffix("SpecifiedProcuringProject/ram:Name") })
    }

    @Test("a document that is not CII is refused")
    func notCII() throws {
        let tree = try SafeXMLParser().parse(
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")
        #expect(throws: InvoiceReadError.self) { try CIIReader().read(tree) }
    }
}

@Suite("CII not-carried XPaths")
struct CIINotCarriedPathTests {
    @Test("not-carried XPaths equal the tree's own XPaths, on 300 lines each with an unmapped element")
    func manyLines() throws {
        let line = """
            <ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID>\
            <ram:LineStatusCode>X</ram:LineStatusCode></ram:AssociatedDocumentLineDocument></ram:IncludedSupplyChainTradeLineItem>
            """
        let xml = """
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" \
            xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">\
            <rsm:SupplyChainTradeTransaction>\(String(repeating: line, count: 300))</rsm:SupplyChainTradeTransaction>\
            </rsm:CrossIndustryInvoice>
            """
        let tree = try SafeXMLParser().parse(xml)
        let parsed = try CIIReader().read(tree)
        #expect(parsed.invoice.lines.count == 300)
        #expect(parsed.notCarried.count == 300)
        let expected = tree.elements.indices.filter { tree[$0].localName == "LineStatusCode" }.map {
            tree.xpath(of: $0)
        }
        #expect(parsed.notCarried == expected)
        #expect(parsed.notCarried.last?.contains("ram:IncludedSupplyChainTradeLineItem[300]/") == true)
    }
}
