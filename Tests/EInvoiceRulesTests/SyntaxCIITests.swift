import Foundation
import Testing

@testable import EInvoiceRules

/// Factur-X CII structure rules fired on edited copies of the CEN CII example 2.
@Suite struct SyntaxCIITests {
    static let example = "en16931/cii/CII_example2.xml"

    func findings(_ xml: String) throws -> [Finding] {
        try SyntaxTestSupport.findings(xml)
    }

    @Test func theUneditedExampleFiresNothing() throws {
        #expect(try findings(try SyntaxTestSupport.text(Self.example)).isEmpty)
    }

    @Test func aMissingBuyerIsReportedOnTheAgreement() throws {
        let original = try SyntaxTestSupport.text(Self.example)
        let xml = try SyntaxEdit.removing(from: "<ram:BuyerTradeParty>", through: "</ram:BuyerTradeParty>", in: original)
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["FX-SCH-A-000028"])
        #expect(found.first?.severity == .fatal)
        #expect(found.first?.location?.line == 282)
        #expect(found.first?.location?.xpath == "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement")
        #expect(found.first?.message.english == "The element ram:BuyerTradeParty must occur exactly once in ram:ApplicableHeaderTradeAgreement.")
    }

    @Test func aSecondDocumentTypeCodeIsReportedOnTheDocument() throws {
        let (xml, line) = try SyntaxEdit.inserting("<ram:TypeCode>381</ram:TypeCode>", before: "<ram:TypeCode>380", in: try SyntaxTestSupport.text(Self.example))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["FX-SCH-A-000020"])
        #expect(found.first?.location?.line == line - 2)  // rsm:ExchangedDocument opens two lines above
    }

    @Test func anEmptyElementIsAWarningAtThatElement() throws {
        let (xml, line) = try SyntaxEdit.inserting("<ram:Content> </ram:Content>", before: "<ram:TypeCode>380", in: try SyntaxTestSupport.text(Self.example))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["PEPPOL-EN16931-R008"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.line == line)
    }

    @Test func aDateWithoutFormatIsReportedOnTheDate() throws {
        let (xml, line) = try SyntaxEdit.replacing(
            "<udt:DateTimeString format=\"102\">20130630</udt:DateTimeString>",
            with: "<udt:DateTimeString>20130630</udt:DateTimeString>", in: try SyntaxTestSupport.text(Self.example))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["FX-SCH-A-000021"])
        #expect(found.first?.location?.line == line)
    }

    @Test func aSellerContactWithBothANameAndADepartmentBreaksCIISR465() throws {
        let (xml, _) = try SyntaxEdit.inserting(
            "<ram:DepartmentName>Sales</ram:DepartmentName>", before: "<ram:TelephoneUniversalCommunication>",
            in: try SyntaxTestSupport.text(Self.example))
        #expect(try findings(xml).map(\.ruleID) == ["CII-SR-465"])
    }

    @Test func theProfileOfTheGuidelineIDChoosesTheRules() throws {
        let original = try SyntaxTestSupport.text(Self.example)
        let minimum = try SyntaxEdit.removing(
            from: "<ram:BuyerTradeParty>", through: "</ram:BuyerTradeParty>",
            in: try SyntaxEdit.replacing(
                "urn:cen.eu:en16931:2017</ram:ID>", with: "urn:factur-x.eu:1p0:minimum</ram:ID>", in: original
            ).xml)
        let parsed = try SyntaxTestSupport.parsed(minimum)
        #expect(SchematronProfile(cii: parsed.tree) == .minimum)
        // Officially (MINIMUM schematron): FX-SCH-A-000028 (no buyer) and FX-SCH-A-000016 (BR-07 restated,
        // a business rule this group leaves out).
        #expect(try SyntaxTestSupport.findings(minimum, groups: [RuleGroups.ciiSyntax]).isEmpty)
        let fired = try SyntaxTestSupport.findings(minimum, groups: [RuleGroups.ciiMinimumSyntax]).map(\.ruleID)
        #expect(fired == ["FX-SCH-A-000028"])
        #expect(!RuleGroups.ciiMinimumSyntax.ruleIDs.contains("FX-SCH-A-000016"))
    }

    @Test(arguments: [
        ("urn:cen.eu:en16931:2017", SchematronProfile.en16931),
        ("urn:factur-x.eu:1p0:minimum", .minimum),
        ("urn:zugferd.de:2p0:basicwl", .basicWL),
        ("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", .basic),
        ("urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", .extended),
        ("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", .en16931),
        ("urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr", .en16931),
        ("", .en16931),
    ])
    func profileFromGuidelineID(_ id: String, _ expected: SchematronProfile) {
        #expect(SchematronProfile(guidelineID: id) == expected)
    }
}
