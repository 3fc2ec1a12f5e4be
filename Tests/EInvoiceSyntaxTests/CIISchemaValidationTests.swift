import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

/// Validates written documents against the Factur-X profile schemas and the full CII D16B and D22B
/// schemas with lxml. CI provides Python at `<repo>/.venv/bin/python`; this machine has it at
/// `/tmp/oracle-venv/bin/python`. Without either, the test fails.
@Suite("CII writer output is schema-valid")
struct CIISchemaValidationTests {
    static let pythonCandidates = [
        CIICorpus.repositoryRoot.appendingPathComponent(".venv/bin/python").path, "/tmp/oracle-venv/bin/python",
    ]

    static let script = """
        import sys
        from lxml import etree
        schemas, failures = {}, 0
        for pair in sys.argv[1:]:
            document, schema = pair.split('::')
            if schema not in schemas:
                schemas[schema] = etree.XMLSchema(etree.parse(schema))
            validator = schemas[schema]
            if not validator.validate(etree.parse(document)):
                failures += 1
                print('INVALID', document, schema, validator.error_log.last_error)
        print('checked', len(sys.argv) - 1)
        sys.exit(1 if failures else 0)
        """

    static let files = [
        "en16931/cii/CII_example5.xml", "en16931/cii/CII_example2.xml", "en16931/cii/CII_business_example_02.xml",
        "zugferd/XML-Rechnung/CII/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.cii.xml",
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushItemChargesAllowances.xml",
    ]

    @Test("outputs of corpus files validate for every profile")
    func outputsValidate() throws {
        guard let python = Self.pythonCandidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Issue.record(
                "no Python with lxml found at \(Self.pythonCandidates.joined(separator: " or ")); create <repo>/.venv with lxml"
            )
            return
        }
        let xsd = try #require(CIICorpus.schemas, "the reference schemas were not found next to the corpus")
        let schema = (
            en16931: xsd.appendingPathComponent("Factur-X-1.09/EN16931/1xsd/Factur-X_EN16931.xsd").path,
            basicWL: xsd.appendingPathComponent("Factur-X-1.09/BASICWL/1xsd/Factur-X_BASICWL.xsd").path,
            extended: xsd.appendingPathComponent("Factur-X-1.09/EXTENDED/1xsd/Factur-X_EXTENDED.xsd").path,
            d16b: xsd.appendingPathComponent("CII-D16B/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd").path,
            d22b: xsd.appendingPathComponent("CII-D22B/1xsd-CII_D22B_uncoupled/CrossIndustryInvoice_100pD22B.xsd").path
        )

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cii-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var pairs: [String] = []
        for path in Self.files {
            let invoice = try CIICorpus.parsed(path).invoice
            for profile in [nil] + FacturXProfile.allCases {
                let name = "\(pairs.count)-\(profile?.rawValue.replacingOccurrences(of: " ", with: "") ?? "asis").xml"
                let url = folder.appendingPathComponent(name)
                try Data(CIIWriter().write(invoice, profile: profile)).write(to: url)
                // MINIMUM has its own, smaller schema, which is not among the references: only CII itself applies.
                let profileSchema: String? =
                    switch profile {
                    case nil, .en16931?, .basic?: schema.en16931
                    case .basicWL?: schema.basicWL
                    case .extended?: schema.extended
                    case .minimum?: nil
                    }
                for xsdPath in [profileSchema, schema.d16b, schema.d22b].compactMap({ $0 }) {
                    pairs.append("\(url.path)::\(xsdPath)")
                }
            }
        }
        #expect(pairs.count == Self.files.count * 17)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script] + pairs
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("checked \(pairs.count)"), "\(output)")
    }
}
