import Foundation
import Testing

@testable import EInvoiceRules

/// UBL syntax rules fired on edited copies of the CEN example 1 (an invoice) and its credit note.
@Suite struct SyntaxUBLTests {
    static let invoice = "en16931/ubl/ubl-tc434-example1.xml"
    static let creditNote = "en16931/ubl/ubl-tc434-creditnote1.xml"

    func findings(_ xml: String) throws -> [Finding] {
        try SyntaxTestSupport.findings(xml, groups: [RuleGroups.ublSyntax])
    }

    @Test func anElementAnInvoiceShouldNotHaveIsAWarningAtThatElement() throws {
        let (xml, line) = try SyntaxEdit.inserting(
            "<cbc:UUID>3f2504e0</cbc:UUID>\n", before: "<cbc:IssueDate>", in: try SyntaxTestSupport.text(Self.invoice))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["UBL-CR-005"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.line == line)
        #expect(found.first?.location?.xpath == "/Invoice/cbc:UUID")
        #expect(found.first?.message.english.contains("cbc:UUID") == true)
        #expect(found.first?.message.french.contains("ne devrait pas figurer") == true)
    }

    @Test func aForbiddenElementInsideALineIsFoundInEveryLine() throws {
        var xml = try SyntaxTestSupport.text(Self.invoice)
        let first = try SyntaxEdit.inserting("<cbc:Keyword>red</cbc:Keyword>", before: "</cac:Item>", in: xml)
        xml = first.xml
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["UBL-CR-568"])
        #expect(found.first?.location?.line == first.line)
    }

    @Test func aSecondInvoicePeriodBreaksTheCardinalityAtTheSecondOne() throws {
        let period = "<cac:InvoicePeriod><cbc:StartDate>2015-01-01</cbc:StartDate></cac:InvoicePeriod>\n"
        let once = try SyntaxEdit.inserting(period, before: "<cac:AccountingSupplierParty>", in: try SyntaxTestSupport.text(Self.invoice))
        #expect(try findings(once.xml).isEmpty)
        let twice = try SyntaxEdit.inserting(period, before: "<cac:AccountingSupplierParty>", in: once.xml)
        let found = try findings(twice.xml)
        #expect(found.map(\.ruleID) == ["UBL-SR-08"])
        #expect(found.first?.severity == .fatal)
        // the second insertion lands after the first one: it is the second period
        #expect(found.first?.location?.line == twice.line)
        #expect(found.first?.location?.xpath == "/Invoice/cac:InvoicePeriod[2]")
    }

    @Test func anAmountWithThreeDecimalsIsAFatalDataTypeError() throws {
        let (xml, line) = try SyntaxEdit.replacing(
            "<cbc:PayableAmount currencyID=\"EUR\">250.33</cbc:PayableAmount>",
            with: "<cbc:PayableAmount currencyID=\"EUR\">250.335</cbc:PayableAmount>", in: try SyntaxTestSupport.text(Self.invoice))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["UBL-DT-01"])
        #expect(found.first?.location?.line == line)
    }

    @Test func anAttributeNoInvoiceShouldCarryIsReportedWhereItIs() throws {
        let (xml, line) = try SyntaxEdit.replacing(
            "<cbc:ID>12115118</cbc:ID>", with: "<cbc:ID schemeName=\"x\">12115118</cbc:ID>", in: try SyntaxTestSupport.text(Self.invoice))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["UBL-DT-08"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.line == line)
        let scheme = try SyntaxEdit.replacing(
            "<cbc:ID>12115118</cbc:ID>", with: "<cbc:ID schemeID=\"x\">12115118</cbc:ID>", in: try SyntaxTestSupport.text(Self.invoice))
        #expect(try findings(scheme.xml).map(\.ruleID) == ["UBL-CR-650"])
    }

    @Test func paymentDueDateInPaymentMeansIsOnlyWrongInAnInvoice() throws {
        let dueDate = "<cbc:PaymentDueDate>2015-01-23</cbc:PaymentDueDate>"
        let invoice = try SyntaxEdit.inserting(dueDate, before: "<cbc:PaymentID>", in: try SyntaxTestSupport.text(Self.invoice))
        #expect(try findings(invoice.xml).map(\.ruleID) == ["UBL-CR-412"])
        let note = try SyntaxTestSupport.text(Self.creditNote)
        let paymentMeans = try #require(note.range(of: "<cbc:PaymentMeansCode"))
        let credit = note.replacingCharacters(in: paymentMeans.lowerBound..<paymentMeans.lowerBound, with: dueDate)
        #expect(try findings(credit).isEmpty)
    }

    @Test func twoDifferentPaymentReferencesBreakUBLSR44() throws {
        let xml = try SyntaxTestSupport.text(Self.invoice)
        // the example's two payment means: give the second one another payment id
        let second = try #require(xml.range(of: "<cac:PaymentMeans>", range: xml.index(after: xml.startIndex)..<xml.endIndex)
            .flatMap { first in xml.range(of: "<cac:PaymentMeans>", range: first.upperBound..<xml.endIndex) })
        let edited = xml.replacingCharacters(
            in: second.upperBound..<second.upperBound, with: "<cbc:PaymentID>Other reference</cbc:PaymentID>")
        #expect(try findings(edited).map(\.ruleID) == ["UBL-SR-44"])
        let same = xml.replacingCharacters(
            in: second.upperBound..<second.upperBound, with: "<cbc:PaymentID>Deb. 10202 / Fact. 12115118</cbc:PaymentID>")
        #expect(try findings(same).isEmpty)
    }

    @Test func theSellerVATIdentifierMayOccurOnceWhateverTheCaseOfTheScheme() throws {
        let scheme = "<cac:PartyTaxScheme><cbc:CompanyID>NL000099998B57</cbc:CompanyID><cac:TaxScheme><cbc:ID>vat</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>"
        let (xml, _) = try SyntaxEdit.inserting(scheme, before: "<cac:PartyLegalEntity>", in: try SyntaxTestSupport.text(Self.invoice))
        #expect(try findings(xml).map(\.ruleID) == ["UBL-SR-12"])
    }

    @Test func theUBLGroupIgnoresCII() throws {
        #expect(try findings(try SyntaxTestSupport.text("en16931/cii/CII_example1.xml")).isEmpty)
    }
}
