import EInvoiceSyntax
import Foundation
import Testing

@testable import EInvoiceRules

/// The EN 16931 examples fire exactly what the official schematron fires for our rule ids
/// (measured with conformance/oracle.py, EN 16931 release 1.3.16 and Factur-X 1.09).
@Suite struct SyntaxCorpusTests {
    static let expected: [String: Set<String>] = [
        "en16931/cii/CII-BR-CO-10-RoundingIssue.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/CII_business_example_02.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/CII_example1.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/CII_example3.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/CII_example6.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/CII_example7.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/CII_example9.xml": ["PEPPOL-EN16931-R008"],
        "en16931/cii/XRechnung-O.xml": ["FX-SCH-A-000616", "PEPPOL-EN16931-R008"],
        "en16931/cii/huf_example_cii.xml": ["PEPPOL-EN16931-R008"],
    ]

    static let examples = SyntaxTestSupport.files(in: "en16931/cii") + SyntaxTestSupport.files(in: "en16931/ubl")

    @Test(arguments: examples)
    func firesWhatTheOfficialSchematronFires(_ path: String) throws {
        let fired = SyntaxTestSupport.ids(try SyntaxTestSupport.findings(try SyntaxTestSupport.text(path)))
        #expect(fired == Self.expected[path, default: []], "\(path)")
    }

    @Test func theExamplesAreThere() {
        #expect(Self.examples.count >= 30)
    }
}
