import Testing

@testable import EInvoiceRules

/// The FNFE-MPE Factur-X examples: the French rules report exactly what the official schematron reports.
@Suite("BR-FR rules on the FNFE-MPE examples")
struct FranceFNFETests {
    @Test("same BR-FR findings as the official schematron", arguments: FranceFNFEExamples.documents.keys.sorted())
    func agreesWithOfficialSchematron(name: String) throws {
        let xml = try #require(FranceFNFEExamples.documents[name])
        #expect(try FranceTestSupport.ruleIDs(xml) == FranceFNFEExamples.expected[name])
    }

    @Test("a SIRET given as SIREN is reported where it is written")
    func sirenLocation() throws {
        let findings = try FranceTestSupport.findings(FranceFNFEExamples.invoice)
        let finding = try #require(findings.first { $0.ruleID == "BR-FR-32-LEGALID" })
        #expect(
            finding.location?.xpath == "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction"
                + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID")
        #expect(finding.location?.line == 28)
        #expect(finding.message.english.contains("9 digits"))
        let seller = try #require(findings.first { $0.ruleID == "BR-FR-10_BT-30" })
        #expect(seller.location?.xpath == "/rsm:CrossIndustryInvoice")
    }
}
