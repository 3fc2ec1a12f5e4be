import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Testing

@Suite("Code-list rules")
struct CodeListRulesTests {
    static let cii = "en16931/cii/CII_example2.xml"
    static let ubl = "en16931/ubl/ubl-tc434-example2.xml"
    static let ubl1 = "en16931/ubl/ubl-tc434-example1.xml"

    static let injections: [CodeInjection] = [
        // CII, Factur-X EN 16931 codedb lists
        CodeInjection(
            cii, "<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>999</ram:TypeCode>",
            expect: ["FX-SCH-A-000555"]),
        CodeInjection(cii, "format=\"102\"", "format=\"101\"", expect: ["FX-SCH-A-000554"]),
        CodeInjection(
            cii, ">NOK</ram:InvoiceCurrencyCode>", ">NOKX</ram:InvoiceCurrencyCode>",
            expect: ["FX-SCH-A-000595"]),
        CodeInjection(
            cii,
            [
                .init(original: ">NOK</ram:InvoiceCurrencyCode>", replacement: ">NOKX</ram:InvoiceCurrencyCode>"),
                .init(original: "currencyID=\"NOK\"", replacement: "currencyID=\"NOKX\""),
            ],
            expect: ["FX-SCH-A-000595", "FX-SCH-A-000606"]),
        CodeInjection(
            cii, "mimeCode=\"application/pdf\"", "mimeCode=\"application/zip\"",
            expect: ["FX-SCH-A-000287"]),
        // A document of type 130 takes its attachment away from the 916 check (a higher-priority template).
        CodeInjection(
            cii,
            [
                .init(original: "mimeCode=\"application/pdf\"", replacement: "mimeCode=\"application/zip\""),
                .init(original: "<ram:TypeCode>916</ram:TypeCode>", replacement: "<ram:TypeCode>130</ram:TypeCode>"),
            ],
            expect: []),
        CodeInjection(cii, "<ram:TypeCode>916</ram:TypeCode>", "<ram:TypeCode>917</ram:TypeCode>", expect: []),
        CodeInjection(
            cii, "<ram:ReasonCode>95</ram:ReasonCode>", "<ram:ReasonCode>999</ram:ReasonCode>",
            expect: ["FX-SCH-A-000601"]),
        CodeInjection(
            cii, "<ram:CategoryCode>S</ram:CategoryCode>", "<ram:CategoryCode>X</ram:CategoryCode>",
            expect: ["FX-SCH-A-000619"]),
        CodeInjection(
            cii, "<ram:TypeCode>VAT</ram:TypeCode>", "<ram:TypeCode>VAX</ram:TypeCode>",
            expect: ["FX-SCH-A-000620"]),
        CodeInjection(
            cii, "<ram:BilledQuantity unitCode=\"NAR\">", "<ram:BilledQuantity unitCode=\"QQQ\">",
            expect: ["FX-SCH-A-000613"]),
        CodeInjection(
            cii, "<ram:BasisQuantity unitCode=\"NAR\">", "<ram:BasisQuantity unitCode=\"QQQ\">",
            expect: ["FX-SCH-A-000611"]),
        CodeInjection(cii, "listID=\"STI\"", "listID=\"XXX\"", expect: ["FX-SCH-A-000297"]),
        CodeInjection(
            cii, "schemeID=\"0088\">1234567890128", "schemeID=\"9999\">1234567890128",
            expect: ["FX-SCH-A-000626"]),
        CodeInjection(
            cii, "schemeID=\"0088\">6754238987643", "schemeID=\"9999\">6754238987643",
            expect: ["FX-SCH-A-000585"]),
        CodeInjection(
            cii, "schemeID=\"VA\">NO987654321MVA", "schemeID=\"FC\">NO987654321MVA",
            expect: ["FX-SCH-A-000570"]),
        CodeInjection(
            cii, "<ram:TypeCode>30</ram:TypeCode>", "<ram:TypeCode>99</ram:TypeCode>",
            expect: ["FX-SCH-A-000609"]),
        CodeInjection(
            cii, "<ram:ExemptionReason>Exempt New Means of Transport</ram:ExemptionReason>",
            "<ram:ExemptionReason>Exempt</ram:ExemptionReason>"
                + "<ram:ExemptionReasonCode>VATEX-EU-XX</ram:ExemptionReasonCode>",
            expect: ["FX-SCH-A-000589"]),
        CodeInjection(
            cii, "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>", "<ram:ID>urn:example:cius</ram:ID>",
            expect: ["FX-SCH-A-000556"]),
        // A BASIC guideline selects another schematron: the EN 16931 code lists are not checked.
        CodeInjection(
            cii,
            [
                .init(
                    original: "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>",
                    replacement: "<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic</ram:ID>"),
                .init(original: "<ram:TypeCode>30</ram:TypeCode>", replacement: "<ram:TypeCode>99</ram:TypeCode>"),
            ],
            expect: []),
        // UBL, EN 16931 BR-CL rules
        CodeInjection(ubl1, "<cbc:InvoiceTypeCode>380", "<cbc:InvoiceTypeCode>381", expect: ["BR-CL-01"]),
        CodeInjection(ubl1, "currencyID=\"EUR\"", "currencyID=\"EURO\"", expect: ["BR-CL-03"]),
        CodeInjection(ubl, "<cbc:DocumentCurrencyCode>NOK", "<cbc:DocumentCurrencyCode>NOKX", expect: ["BR-CL-04"]),
        CodeInjection(ubl, "<cbc:DescriptionCode>3<", "<cbc:DescriptionCode>5<", expect: ["BR-CL-06"]),
        CodeInjection(ubl1, "<cbc:Note>Alle", "<cbc:Note>#XYZ#Alle", expect: ["BR-CL-08"]),
        // The schematron looks the subject code up as a substring of its list, so "A A" passes.
        CodeInjection(ubl1, "<cbc:Note>Alle", "<cbc:Note>#A A#Alle", expect: []),
        CodeInjection(ubl, "schemeID=\"0088\">1238764941386", "schemeID=\"SEPA\">1238764941386", expect: []),
        CodeInjection(
            ubl, "schemeID=\"0088\">3456789012098", "schemeID=\"SEPA\">3456789012098",
            expect: ["BR-CL-10"]),
        CodeInjection(ubl, "listID=\"STI\"", "listID=\"XXX\"", expect: ["BR-CL-13"]),
        CodeInjection(ubl1, "<cbc:IdentificationCode>NL<", "<cbc:IdentificationCode>XX<", expect: ["BR-CL-14"]),
        CodeInjection(ubl1, "<cbc:PaymentMeansCode>30<", "<cbc:PaymentMeansCode>99<", expect: ["BR-CL-16"]),
        CodeInjection(ubl, "<cbc:ID>E</cbc:ID>", "<cbc:ID>X</cbc:ID>", expect: ["BR-CL-17"]),
        CodeInjection(ubl, "<cbc:ID>S</cbc:ID>", "<cbc:ID> S </cbc:ID>", expect: []),
        CodeInjection(
            ubl, "<cbc:AllowanceChargeReasonCode>88<", "<cbc:AllowanceChargeReasonCode>999<",
            expect: ["BR-CL-19"]),
        CodeInjection(ubl1, "unitCode=\"EA\"", "unitCode=\"QQQ\"", expect: ["BR-CL-23"]),
        CodeInjection(ubl, "mimeCode=\"application/pdf\"", "mimeCode=\"application/PDF\"", expect: ["BR-CL-24"]),
    ]

    @Test("A bad code fires exactly its rule", arguments: injections)
    func injectedCodeFires(_ injection: CodeInjection) throws {
        let findings = try CodeListCorpus.findings(try injection.mutatedText())
        #expect(Set(findings.map(\.ruleID)) == injection.expected)
        for finding in findings {
            #expect(finding.location != nil)
            #expect(finding.message.english.contains("not one of") || finding.message.english.contains("missing"))
            #expect(!finding.message.french.isEmpty)
        }
    }

    @Test("A finding names the value, the term and the element")
    func findingDetails() throws {
        let injection = CodeInjection(
            Self.cii, "<ram:BilledQuantity unitCode=\"NAR\">", "<ram:BilledQuantity unitCode=\"QQQ\">",
            expect: ["FX-SCH-A-000613"])
        let finding = try #require(try CodeListCorpus.findings(try injection.mutatedText()).first)
        #expect(finding.terms == ["BT-130"])
        #expect(finding.message.english.contains("'QQQ'"))
        #expect(finding.message.french.contains("« QQQ »"))
        #expect(finding.location?.xpath.hasSuffix("/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity") == true)
        #expect(finding.location?.line == 75)
    }

    /// What the official schematrons report for the corpus (oracle run, Factur-X 1.09.2 and EN 16931 UBL
    /// 1.3.16): non-EN 16931 guidelines (FX-SCH-A-000556) and a lower-case VATEX code (FX-SCH-A-000589).
    static let corpusExpectations: [String: Set<String>] = [
        "en16931/cii/CII-BR-CO-10-RoundingIssue.xml": ["FX-SCH-A-000556"],
        "en16931/cii/CII_business_example_02.xml": ["FX-SCH-A-000556"],
        "en16931/cii/CII_business_example_Z.xml": ["FX-SCH-A-000556"],
        "en16931/cii/XRechnung-O.xml": ["FX-SCH-A-000589"],
    ]

    @Test("The EN 16931 corpus fires the code-list rules the official schematrons fire, and no other")
    func corpusAgreesWithSchematron() throws {
        let files = try CodeListCorpus.files(in: "en16931/cii") + CodeListCorpus.files(in: "en16931/ubl")
        #expect(files.count >= 30)
        for file in files {
            let fired = Set(try CodeListCorpus.findings(try CodeListCorpus.text(file)).map(\.ruleID))
            #expect(fired == Self.corpusExpectations[file, default: []], "\(file)")
        }
    }

    @Test("The groups declare the official rule ids")
    func declaredRuleIDs() {
        let ubl = RuleGroups.codeListsUBL.ruleIDs
        #expect(ubl.count == 23 && Set(ubl).count == 23)
        #expect(ubl.allSatisfy { $0.hasPrefix("BR-CL-") })
        let cii = RuleGroups.codeListsCII.ruleIDs
        #expect(cii.count == 59 && Set(cii).count == 59)
        #expect(cii.allSatisfy { $0.hasPrefix("FX-SCH-A-") })
    }

    @Test("The code-list groups ignore the other syntax")
    func syntaxGate() throws {
        let tree = try SafeXMLParser().parse(
            try CodeListCorpus.text(Self.ubl1).replacing("unitCode=\"EA\"", with: "unitCode=\"QQQ\""))
        let asCII = ParsedInvoice(invoice: Invoice(), syntax: .cii, tree: tree, sourceMap: [:], notCarried: [])
        #expect(Validator(groups: CodeListCorpus.codeListGroups).validate(asCII).isEmpty)
        let asUBL = ParsedInvoice(invoice: Invoice(), syntax: .ublInvoice, tree: tree, sourceMap: [:], notCarried: [])
        #expect(Validator(groups: CodeListCorpus.codeListGroups).validate(asUBL).map(\.ruleID).contains("BR-CL-23"))
    }
}
