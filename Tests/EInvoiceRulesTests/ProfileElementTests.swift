import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@testable import EInvoiceRules

/// PX-FX-ELEMENT: elements the Factur-X XSD of the profile does not allow where they stand. The conformance test
/// (conformance/test_profile_elements.py) checks every finding on the corpus against lxml and the XSDs.
@Suite struct ProfileElementTests {
    static let example = "en16931/cii/CII_example2.xml"
    static let guideline = "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>"

    func findings(_ xml: String) throws -> [Finding] {
        try SyntaxTestSupport.findings(xml, groups: [RuleGroups.profileElements])
    }

    @Test func everyProfileModelIsReadable() {
        for profile in FacturXProfile.allCases {
            #expect(ProfileModels.model(for: profile) != nil, "\(profile)")
        }
    }

    @Test func theCENExampleHasNoMisplacedElement() throws {
        #expect(try findings(try SyntaxTestSupport.text(Self.example)).isEmpty)
    }

    @Test func anUnknownElementIsReportedWhereItStands() throws {
        let (xml, line) = try SyntaxEdit.inserting(
            "<ram:Colour>blue</ram:Colour>", before: "<ram:TypeCode>380", in: try SyntaxTestSupport.text(Self.example))
        let found = try findings(xml)
        #expect(found.map(\.ruleID) == ["PX-FX-ELEMENT"])
        #expect(found.first?.severity == .fatal)
        #expect(found.first?.location?.line == line)
        #expect(found.first?.location?.xpath == "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:Colour")
        #expect(found.first?.message.english
            == "ram:Colour is not allowed in rsm:ExchangedDocument by the Factur-X EN 16931 XSD")
    }

    @Test func anElementOfARicherProfileIsReportedOnceWithoutItsContent() throws {
        let original = try SyntaxTestSupport.text(Self.example)
        let (minimum, _) = try SyntaxEdit.replacing(
            Self.guideline, with: "<ram:ID>urn:factur-x.eu:1p0:minimum</ram:ID>", in: original)
        let found = try findings(minimum)
        let lineItems = original.components(separatedBy: "<ram:IncludedSupplyChainTradeLineItem>").count - 1
        #expect(lineItems > 1)
        let lines = found.filter { $0.location?.xpath.contains("ram:IncludedSupplyChainTradeLineItem") == true }
        // Each line item is reported itself; nothing inside it is (its content is not examined further).
        #expect(lines.count == lineItems)
        #expect(lines.allSatisfy { $0.location?.xpath.hasSuffix("]") == true })
        #expect(found.allSatisfy { $0.message.english.hasSuffix("by the Factur-X MINIMUM XSD") })
    }

    @Test func otherSpecificationsOfEN16931AreNotChecked() throws {
        let (inserted, _) = try SyntaxEdit.inserting(
            "<ram:Colour>blue</ram:Colour>", before: "<ram:TypeCode>380", in: try SyntaxTestSupport.text(Self.example))
        let (xrechnung, _) = try SyntaxEdit.replacing(
            Self.guideline,
            with: "<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</ram:ID>",
            in: inserted)
        #expect(try findings(xrechnung).isEmpty)
    }

    @Test(arguments: FacturXProfile.allCases)
    func whatWeWriteForAProfileFitsItsXSD(profile: FacturXProfile) throws {
        let xml = CIIWriter().write(SampleInvoice.make(lineCount: 3), profile: profile)
        let parsed = try InvoiceDocumentReader().read(bytes: xml)
        let found = Validator(groups: [RuleGroups.profileElements]).validate(parsed)
        #expect(found.isEmpty, "\(found.map(\.message.english))")
    }
}
